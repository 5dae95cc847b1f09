namespace DrivePower.Ocpp.Messages;

/// <summary>N09: one part of the customer data a CustomerInformation asked for; tbc while more parts follow.</summary>
public sealed record NotifyCustomerInformationRequest : IOcppRequest<NotifyCustomerInformationResponse>
{
    [OcppMaxLength(512)]
    public required string Data { get; init; }

    public bool? Tbc { get; init; }
    public required int SeqNo { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required int RequestId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record NotifyCustomerInformationResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
