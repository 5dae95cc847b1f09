namespace DrivePower.Ocpp.Messages;

/// <summary>K10: removes a profile by id, or every profile matching the criteria (nothing given: all of them).</summary>
public sealed record ClearChargingProfileRequest : IOcppRequest<ClearChargingProfileResponse>
{
    public int? ChargingProfileId { get; init; }
    public ClearChargingProfileCriteria? ChargingProfileCriteria { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>The schema's ClearChargingProfileType.</summary>
public sealed record ClearChargingProfileCriteria
{
    public int? EvseId { get; init; }
    public ChargingProfilePurpose? ChargingProfilePurpose { get; init; }
    public int? StackLevel { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ClearChargingProfileResponse : IOcppResponse
{
    public required ClearChargingProfileStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ClearChargingProfileStatus
{
    Accepted,
    Unknown,
}
