using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>A case-insensitive identifier used for authorization, with its kind.</summary>
public sealed record IdToken
{
    /// <summary>The token itself (wire name <c>idToken</c>; a member can't share its record's name).</summary>
    [JsonPropertyName("idToken")]
    [OcppMaxLength(36)]
    public required string Token { get; init; }

    public required IdTokenType Type { get; init; }

    [OcppItems(Min = 1)]
    public IReadOnlyList<AdditionalInfo>? AdditionalInfo { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record AdditionalInfo
{
    [OcppMaxLength(36)]
    public required string AdditionalIdToken { get; init; }

    [OcppMaxLength(50)]
    public required string Type { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum IdTokenType
{
    Central,
    eMAID,
    ISO14443,
    ISO15693,
    KeyCode,
    Local,
    MacAddress,
    NoAuthorization,
}
