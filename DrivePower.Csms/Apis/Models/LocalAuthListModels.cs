using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A station's local authorization list as it accepted it.</summary>
public sealed record LocalAuthListModel(int Version, DateTimeOffset? UpdatedAt, IReadOnlyList<LocalAuthListEntryModel> Entries);

public sealed record LocalAuthListEntryModel(string IdToken, string Type, string Status, JsonElement IdTokenInfo);

/// <summary>The station's answer to SendLocalList and whether it took effect (and was stored).</summary>
public sealed record LocalAuthListCommandResult(JsonElement Response, bool Applied);

/// <summary>The version the station says its list has, beside the one the CSMS stored.</summary>
public sealed record LocalAuthListVersionModel(int StationVersion, int StoredVersion);
