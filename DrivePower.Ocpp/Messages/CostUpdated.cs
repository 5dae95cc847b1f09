namespace DrivePower.Ocpp.Messages;

/// <summary>I02: the CSMS tells a station the running cost of one of its transactions.</summary>
public sealed record CostUpdatedRequest : IOcppRequest<CostUpdatedResponse>
{
    public required decimal TotalCost { get; init; }

    [OcppMaxLength(36)]
    public required string TransactionId { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record CostUpdatedResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
