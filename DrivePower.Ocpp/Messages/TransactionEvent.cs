namespace DrivePower.Ocpp.Messages;

public sealed record TransactionEventRequest : IOcppRequest<TransactionEventResponse>
{
    public required TransactionEventType EventType { get; init; }

    [OcppItems(Min = 1)]
    public IReadOnlyList<MeterValue>? MeterValue { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
    public required TriggerReason TriggerReason { get; init; }
    public required int SeqNo { get; init; }
    public bool? Offline { get; init; }
    public int? NumberOfPhasesUsed { get; init; }
    public int? CableMaxCurrent { get; init; }
    public int? ReservationId { get; init; }
    public required Transaction TransactionInfo { get; init; }
    public Evse? Evse { get; init; }
    public IdToken? IdToken { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record TransactionEventResponse : IOcppResponse
{
    public decimal? TotalCost { get; init; }
    public int? ChargingPriority { get; init; }
    public IdTokenInfo? IdTokenInfo { get; init; }
    public MessageContent? UpdatedPersonalMessage { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>The transaction a <see cref="TransactionEventRequest"/> is about.</summary>
public sealed record Transaction
{
    [OcppMaxLength(36)]
    public required string TransactionId { get; init; }

    public ChargingState? ChargingState { get; init; }
    public int? TimeSpentCharging { get; init; }
    public StoppedReason? StoppedReason { get; init; }
    public int? RemoteStartId { get; init; }
    public CustomData? CustomData { get; init; }
}
