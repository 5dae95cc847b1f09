using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A charging profile a station has: where, its stack level and purpose, and the profile as OCPP has it.</summary>
public sealed record ChargingProfileModel(
    int EvseId, int Id, int StackLevel, string Purpose, string Kind, string? TransactionId,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string Source, string Origin, DateTimeOffset UpdatedAt, JsonElement Profile);

/// <summary>An external limit on a station (NotifyChargingLimit); evseId 0 when the station gave none.</summary>
public sealed record ChargingLimitModel(int EvseId, string Source, bool? IsGridCritical, JsonElement? Schedules, DateTimeOffset NotifiedAt);

/// <summary>The station's answer to a profile command, whether it took effect, and the stored profiles that changed with it.</summary>
public sealed record ChargingProfileCommandResult(JsonElement Response, bool Applied, int Stored, int Removed);
