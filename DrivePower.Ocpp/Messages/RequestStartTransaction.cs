namespace DrivePower.Ocpp.Messages;

public sealed record RequestStartTransactionRequest : IOcppRequest<RequestStartTransactionResponse>
{
    public int? EvseId { get; init; }
    public IdToken? GroupIdToken { get; init; }
    public required IdToken IdToken { get; init; }
    public required int RemoteStartId { get; init; }
    public ChargingProfile? ChargingProfile { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record RequestStartTransactionResponse : IOcppResponse
{
    public required RequestStartStopStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }

    [OcppMaxLength(36)]
    public string? TransactionId { get; init; }

    public CustomData? CustomData { get; init; }
}

/// <summary>Whether the station accepts a remote start or stop.</summary>
public enum RequestStartStopStatus
{
    Accepted,
    Rejected,
}
