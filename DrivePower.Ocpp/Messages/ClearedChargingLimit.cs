namespace DrivePower.Ocpp.Messages;

/// <summary>K13: an external limit reported by NotifyChargingLimit no longer applies.</summary>
public sealed record ClearedChargingLimitRequest : IOcppRequest<ClearedChargingLimitResponse>
{
    public required ChargingLimitSource ChargingLimitSource { get; init; }
    public int? EvseId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ClearedChargingLimitResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
