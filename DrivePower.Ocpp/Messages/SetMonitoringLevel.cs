namespace DrivePower.Ocpp.Messages;

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
