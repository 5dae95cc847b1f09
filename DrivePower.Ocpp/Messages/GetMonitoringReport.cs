namespace DrivePower.Ocpp.Messages;

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

public enum MonitoringCriterion
{
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}
