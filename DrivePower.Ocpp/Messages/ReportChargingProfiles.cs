namespace DrivePower.Ocpp.Messages;

/// <summary>K09: the profiles of one EVSE and one limit source a GetChargingProfiles asked for; tbc while more follow.</summary>
public sealed record ReportChargingProfilesRequest : IOcppRequest<ReportChargingProfilesResponse>
{
    public required int RequestId { get; init; }
    public required ChargingLimitSource ChargingLimitSource { get; init; }

    [OcppItems(Min = 1)]
    public required IReadOnlyList<ChargingProfile> ChargingProfile { get; init; }

    public bool? Tbc { get; init; }
    public required int EvseId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ReportChargingProfilesResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
