namespace DrivePower.Ocpp.Messages;

/// <summary>K11/K12: a limit set on the station by someone other than the CSMS (an EMS, the grid operator).</summary>
public sealed record NotifyChargingLimitRequest : IOcppRequest<NotifyChargingLimitResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<ChargingSchedule>? ChargingSchedule { get; init; }

    public int? EvseId { get; init; }
    public required ChargingLimit ChargingLimit { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ChargingLimit
{
    public required ChargingLimitSource ChargingLimitSource { get; init; }
    public bool? IsGridCritical { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record NotifyChargingLimitResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

/// <summary>Who set a limit: CSO is the CSMS's own (its profiles); the others are external.</summary>
public enum ChargingLimitSource
{
    EMS,
    Other,
    SO,
    CSO,
}
