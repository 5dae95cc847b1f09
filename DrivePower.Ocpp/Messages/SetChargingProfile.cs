namespace DrivePower.Ocpp.Messages;

/// <summary>K01: installs a charging profile on an EVSE (0: the station as a whole).</summary>
public sealed record SetChargingProfileRequest : IOcppRequest<SetChargingProfileResponse>
{
    public required int EvseId { get; init; }
    public required ChargingProfile ChargingProfile { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetChargingProfileResponse : IOcppResponse
{
    public required ChargingProfileStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ChargingProfileStatus
{
    Accepted,
    Rejected,
}
