namespace DrivePower.Ocpp.Messages;

public sealed record UnlockConnectorRequest : IOcppRequest<UnlockConnectorResponse>
{
    public required int EvseId { get; init; }
    public required int ConnectorId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record UnlockConnectorResponse : IOcppResponse
{
    public required UnlockStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum UnlockStatus
{
    Unlocked,
    UnlockFailed,
    OngoingAuthorizedTransaction,
    UnknownConnector,
}
