namespace DrivePower.Ocpp.Messages;

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
