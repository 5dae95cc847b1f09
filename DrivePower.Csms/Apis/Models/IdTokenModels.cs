namespace DrivePower.Csms.Apis.Models;

/// <summary>
/// An authorization list entry. <c>type</c> is an IdTokenEnumType (ISO14443, ISO15693, eMAID, KeyCode,
/// Local, MacAddress, Central, NoAuthorization); <c>status</c> an AuthorizationStatusEnumType
/// (Accepted, Blocked, ...; default Accepted); <c>expiresAt</c> is answered as cacheExpiryDateTime and
/// makes the token Expired once passed.
/// </summary>
public sealed record IdTokenInfoModel(
    string IdToken, string Type, string Status, DateTimeOffset? ExpiresAt, string? GroupIdToken, string? GroupIdTokenType,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The body of <c>POST /api/id-tokens</c>.</summary>
public sealed record IdTokenCreate(
    string? IdToken, string? Type, string? Status, DateTimeOffset? ExpiresAt, string? GroupIdToken, string? GroupIdTokenType);

/// <summary>The body of <c>PUT /api/id-tokens/{type}/{idToken}</c>: the token's new settings.</summary>
public sealed record IdTokenUpdate(string? Status, DateTimeOffset? ExpiresAt, string? GroupIdToken, string? GroupIdTokenType);
