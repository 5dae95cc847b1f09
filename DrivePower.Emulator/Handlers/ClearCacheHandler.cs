using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>ClearCache: the authorization cache is emptied (offline, only OfflineTxForUnknownIdEnabled authorizes then).</summary>
internal static class ClearCacheHandler
{
    public static OcppHandlerRegistry OnClearCache(this OcppHandlerRegistry handlers) =>
        handlers.On<ClearCacheRequest, ClearCacheResponse>((context, _, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.AuthorizationCache.Clear();
            station.CommandReceived(context.Action, "authorization cache cleared");
            return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
        });
}
