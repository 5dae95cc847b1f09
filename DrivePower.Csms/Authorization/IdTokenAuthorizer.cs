using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Authorization;

/// <summary>
/// The CSMS's verdict on an idToken, shared by Authorize and TransactionEvent: a listed token gets its
/// stored status (Expired once <c>expires_at</c> has passed); an unlisted one follows
/// <see cref="CsmsOptions.UnknownIdTokenPolicy"/>. NoAuthorization tokens are always Accepted.
/// </summary>
public sealed class IdTokenAuthorizer(IdTokenStore tokens, IOptionsMonitor<CsmsOptions> options, TimeProvider time)
{
    public async Task<IdTokenInfo> AuthorizeAsync(IdToken idToken, CancellationToken cancellationToken)
    {
        if (idToken.Type == IdTokenType.NoAuthorization)
            return new IdTokenInfo { Status = AuthorizationStatus.Accepted };

        var known = await tokens.FindAsync(idToken.Token, idToken.Type.ToString(), cancellationToken);
        if (known is null)
        {
            return new IdTokenInfo
            {
                Status = options.CurrentValue.UnknownIdTokenPolicy == UnknownIdTokenPolicy.Accept
                    ? AuthorizationStatus.Accepted
                    : AuthorizationStatus.Unknown,
            };
        }

        var status = known.ExpiresAt is { } expiresAt && expiresAt <= time.GetUtcNow()
            ? AuthorizationStatus.Expired
            : Enum.TryParse<AuthorizationStatus>(known.Status, out var stored) ? stored : AuthorizationStatus.Invalid;
        return new IdTokenInfo
        {
            Status = status,
            CacheExpiryDateTime = known.ExpiresAt,
            GroupIdToken = GroupOf(known),
        };
    }

    private static IdToken? GroupOf(IdTokenRecord known) =>
        known.GroupIdToken is { } group
            ? new IdToken
            {
                Token = group,
                Type = Enum.TryParse<IdTokenType>(known.GroupIdTokenType, out var type) ? type : IdTokenType.Central,
            }
            : null;
}
