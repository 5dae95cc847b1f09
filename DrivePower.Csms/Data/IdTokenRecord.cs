namespace DrivePower.Csms.Data;

/// <summary>One entry of the authorization list (<c>id_tokens</c>).</summary>
public sealed record IdTokenRecord(
    string IdToken,
    string Type,
    string Status,
    DateTimeOffset? ExpiresAt,
    string? GroupIdToken,
    string? GroupIdTokenType,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
