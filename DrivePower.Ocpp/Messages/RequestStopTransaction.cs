namespace DrivePower.Ocpp.Messages;

public sealed record RequestStopTransactionRequest : IOcppRequest<RequestStopTransactionResponse>
{
    [OcppMaxLength(36)]
    public required string TransactionId { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record RequestStopTransactionResponse : IOcppResponse
{
    public required RequestStartStopStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}
