namespace DrivePower.Ocpp.Messages;

/// <summary>N04: set monitors on variables; the station answers one result per monitor, in order.</summary>
public sealed record SetVariableMonitoringRequest : IOcppRequest<SetVariableMonitoringResponse>
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<SetMonitoringData> SetMonitoringData { get; init; }

    public CustomData? CustomData { get; init; }
}

/// <summary>One monitor to set: a new one without <see cref="Id"/>, a replacement of monitor <see cref="Id"/> with it.</summary>
public sealed record SetMonitoringData
{
    public int? Id { get; init; }

    /// <summary>Active only while a transaction runs on the component's EVSE.</summary>
    public bool? Transaction { get; init; }

    /// <summary>The threshold, the delta, or the period in seconds, by <see cref="Type"/>.</summary>
    public required decimal Value { get; init; }

    public required MonitorType Type { get; init; }

    /// <summary>0 (Danger) to 9 (Debug).</summary>
    public required int Severity { get; init; }

    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetVariableMonitoringResponse : IOcppResponse
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<SetMonitoringResult> SetMonitoringResult { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record SetMonitoringResult
{
    public int? Id { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public required SetMonitoringStatus Status { get; init; }
    public required MonitorType Type { get; init; }
    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public required int Severity { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum SetMonitoringStatus
{
    Accepted,
    UnknownComponent,
    UnknownVariable,
    UnsupportedMonitorType,
    Rejected,
    Duplicate,
}

public enum MonitorType
{
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
}
