namespace DrivePower.Ocpp.Messages;

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

public enum MonitoringBase
{
    All,
    FactoryDefault,
    HardWiredOnly,
}
