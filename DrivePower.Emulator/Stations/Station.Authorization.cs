using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>
    /// Authorize: the CSMS's answer when it gives one (and cached). When it cannot answer (not
    /// connected, a CALLERROR, no answer in time) the offline rules decide, as a real station would:
    /// a cached verdict, Accepted only with AuthCtrlr.LocalAuthorizeOffline; a token not cached, Accepted
    /// only with AuthCtrlr.OfflineTxForUnknownIdEnabled; otherwise Unknown.
    /// </summary>
    public async Task<AuthorizationStatus> AuthorizeAsync(IdToken idToken, CancellationToken cancellationToken)
    {
        if (await SendNowAsync(new AuthorizeRequest { IdToken = idToken }, cancellationToken).ConfigureAwait(false) is { } answer)
        {
            AuthorizationCache.Store(idToken, answer.IdTokenInfo);
            StationLog.Authorized(Logger, Id, idToken.Token, answer.IdTokenInfo.Status);
            return answer.IdTokenInfo.Status;
        }

        var (status, rule) = OfflineVerdict(idToken);
        StationLog.AuthorizedOffline(Logger, Id, idToken.Token, status, rule);
        return status;
    }

    private (AuthorizationStatus Status, string Rule) OfflineVerdict(IdToken idToken)
    {
        if (idToken.Type == IdTokenType.NoAuthorization)
            return (AuthorizationStatus.Accepted, "NoAuthorization needs no CSMS");
        switch (AuthorizationCache.Find(idToken, DateTimeOffset.UtcNow))
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
