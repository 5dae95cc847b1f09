using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>K09: asks for the installed profiles that match; they come back in ReportChargingProfiles.</summary>
public sealed record GetChargingProfilesRequest : IOcppRequest<GetChargingProfilesResponse>
{
    public required int RequestId { get; init; }
    public int? EvseId { get; init; }
    public required ChargingProfileCriterion ChargingProfile { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>
/// Which profiles: every criterion given must match. The official schema leaves this object open (no
/// additionalProperties false, unlike every other OCPP object), so other properties are kept, not refused.
/// </summary>
public sealed record ChargingProfileCriterion
{
    public ChargingProfilePurpose? ChargingProfilePurpose { get; init; }
    public int? StackLevel { get; init; }

    [OcppItems(Min = 1)]
    public IReadOnlyList<int>? ChargingProfileId { get; init; }

    [OcppItems(Min = 1, Max = 4)]
    public IReadOnlyList<ChargingLimitSource>? ChargingLimitSource { get; init; }

    public CustomData? CustomData { get; init; }

    /// <summary>Properties beyond the schema's, which it allows here. Settable: System.Text.Json fills extension data after construction.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record GetChargingProfilesResponse : IOcppResponse
{
    public required GetChargingProfileStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum GetChargingProfileStatus
{
    Accepted,
    NoProfiles,
}
