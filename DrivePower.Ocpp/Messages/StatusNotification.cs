namespace DrivePower.Ocpp.Messages;

public sealed record StatusNotificationRequest : IOcppRequest<StatusNotificationResponse>
{
    public required DateTimeOffset Timestamp { get; init; }
    public required ConnectorStatus ConnectorStatus { get; init; }
    public required int EvseId { get; init; }
    public required int ConnectorId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record StatusNotificationResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

public enum ConnectorStatus
{
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted,
}
