namespace DrivePower.Ocpp.Messages;

public sealed record GetTransactionStatusRequest : IOcppRequest<GetTransactionStatusResponse>
{
    [OcppMaxLength(36)]
    public string? TransactionId { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record GetTransactionStatusResponse : IOcppResponse
{
    public bool? OngoingIndicator { get; init; }
    public required bool MessagesInQueue { get; init; }
    public CustomData? CustomData { get; init; }
}
