using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>
    /// Authorize: the CSMS's answer when it gives one (cached, unless the local list holds the token or
    /// AuthCacheCtrlr.Enabled is false). With AuthCtrlr.LocalPreAuthorize, online, a token the local list
    /// or the cache holds as Accepted needs no Authorize (C13/C12). When the CSMS cannot answer (not
    /// connected, a CALLERROR, no answer in time) the offline rules decide, as a real station would: the
    /// local list first (LocalAuthListCtrlr.Enabled), then the cache; an Accepted one only with
    /// AuthCtrlr.LocalAuthorizeOffline; a token known to neither, Accepted only with
    /// AuthCtrlr.OfflineTxForUnknownIdEnabled; otherwise Unknown.
    /// </summary>
    public async Task<AuthorizationStatus> AuthorizeAsync(IdToken idToken, CancellationToken cancellationToken)
    {
        var listed = DeviceModel.LocalAuthListEnabled ? LocalAuthList.Find(idToken) : null;
        var cached = DeviceModel.AuthCacheEnabled ? AuthorizationCache.Find(idToken, DateTimeOffset.UtcNow) : null;
        if (IsAccepted && DeviceModel.LocalPreAuthorize && (listed?.Status ?? cached) == AuthorizationStatus.Accepted)
        {
            StationLog.AuthorizedOffline(Logger, Id, idToken.Token, AuthorizationStatus.Accepted, listed is null ? "cache, LocalPreAuthorize" : "local list, LocalPreAuthorize");
            return AuthorizationStatus.Accepted;
        }

        if (await SendNowAsync(new AuthorizeRequest { IdToken = idToken }, cancellationToken).ConfigureAwait(false) is { } answer)
        {
            if (listed is null && DeviceModel.AuthCacheEnabled)
                AuthorizationCache.Store(idToken, answer.IdTokenInfo);
            StationLog.Authorized(Logger, Id, idToken.Token, answer.IdTokenInfo.Status);
            return answer.IdTokenInfo.Status;
        }

        var (status, rule) = listed is not null ? ListVerdict(listed) : OfflineVerdict(idToken);
        StationLog.AuthorizedOffline(Logger, Id, idToken.Token, status, rule);
        return status;
    }

    /// <summary>The group the token belongs to, as the local list or the CSMS's last answer says.</summary>
    public IdToken? GroupOf(IdToken idToken) =>
        (DeviceModel.LocalAuthListEnabled ? LocalAuthList.Find(idToken)?.GroupIdToken : null) ?? AuthorizationCache.GroupOf(idToken);

    private (AuthorizationStatus Status, string Rule) ListVerdict(IdTokenInfo listed) => listed.Status switch
    {
        AuthorizationStatus.Accepted when DeviceModel.LocalAuthorizeOffline => (AuthorizationStatus.Accepted, "local list, LocalAuthorizeOffline"),
        AuthorizationStatus.Accepted => (AuthorizationStatus.Unknown, "in the local list, but LocalAuthorizeOffline is off"),
        var status => (status, "local list verdict"),
    };

    private (AuthorizationStatus Status, string Rule) OfflineVerdict(IdToken idToken)
    {
        if (idToken.Type == IdTokenType.NoAuthorization)
            return (AuthorizationStatus.Accepted, "NoAuthorization needs no CSMS");
        switch (DeviceModel.AuthCacheEnabled ? AuthorizationCache.Find(idToken, DateTimeOffset.UtcNow) : null)
        {
            case AuthorizationStatus.Accepted when DeviceModel.LocalAuthorizeOffline:
                return (AuthorizationStatus.Accepted, "cached as Accepted, LocalAuthorizeOffline");
            case AuthorizationStatus.Accepted:
                return (AuthorizationStatus.Unknown, "cached as Accepted, but LocalAuthorizeOffline is off");
            case { } cached:
                return (cached, "cached verdict");
        }

        return DeviceModel.OfflineTxForUnknownIdEnabled
            ? (AuthorizationStatus.Accepted, "not cached, OfflineTxForUnknownIdEnabled")
            : (AuthorizationStatus.Unknown, "not cached, OfflineTxForUnknownIdEnabled is off");
    }
}
