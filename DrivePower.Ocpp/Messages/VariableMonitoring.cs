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

/// <summary>N06: remove monitors by id.</summary>
public sealed record ClearVariableMonitoringRequest : IOcppRequest<ClearVariableMonitoringResponse>
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<int> Id { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record ClearVariableMonitoringResponse : IOcppResponse
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<ClearMonitoringResult> ClearMonitoringResult { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record ClearMonitoringResult
{
    public required ClearMonitoringStatus Status { get; init; }
    public required int Id { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>N03: which monitors are active: all, the factory's defaults, or only the hard-wired ones.</summary>
public sealed record SetMonitoringBaseRequest : IOcppRequest<SetMonitoringBaseResponse>
{
    public required MonitoringBase MonitoringBase { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetMonitoringBaseResponse : IOcppResponse
{
    public required GenericDeviceModelStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>N05: report only events of monitors whose severity is this or more severe (a lower number).</summary>
public sealed record SetMonitoringLevelRequest : IOcppRequest<SetMonitoringLevelResponse>
{
    public required int Severity { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetMonitoringLevelResponse : IOcppResponse
{
    public required GenericStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>N02: report the monitors that match the criteria and component variables (all when neither is given).</summary>
public sealed record GetMonitoringReportRequest : IOcppRequest<GetMonitoringReportResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<ComponentVariable>? ComponentVariable { get; init; }

    public required int RequestId { get; init; }

    [OcppItems(Min = 1, Max = 3)]
    public IReadOnlyList<MonitoringCriterion>? MonitoringCriteria { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record GetMonitoringReportResponse : IOcppResponse
{
    public required GenericDeviceModelStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>N02: a part of the monitoring report a GetMonitoringReport asked for; tbc while more parts follow.</summary>
public sealed record NotifyMonitoringReportRequest : IOcppRequest<NotifyMonitoringReportResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<MonitoringData>? Monitor { get; init; }

    public required int RequestId { get; init; }
    public bool? Tbc { get; init; }
    public required int SeqNo { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record NotifyMonitoringReportResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

/// <summary>The monitors of one component variable.</summary>
public sealed record MonitoringData
{
    public required Component Component { get; init; }
    public required Variable Variable { get; init; }

    [OcppItems(Min = 1)]
    public required IReadOnlyList<VariableMonitoring> VariableMonitoring { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record VariableMonitoring
{
    public required int Id { get; init; }
    public required bool Transaction { get; init; }
    public required decimal Value { get; init; }
    public required MonitorType Type { get; init; }
    public required int Severity { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum MonitorType
{
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
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

public enum ClearMonitoringStatus
{
    Accepted,
    Rejected,
    NotFound,
}

public enum MonitoringBase
{
    All,
    FactoryDefault,
    HardWiredOnly,
}

public enum MonitoringCriterion
{
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}
