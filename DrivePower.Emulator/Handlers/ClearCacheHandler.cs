using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>ClearCache: the emulator keeps no authorization cache, so there is nothing to refuse.</summary>
internal static class ClearCacheHandler
{
    public static OcppHandlerRegistry OnClearCache(this OcppHandlerRegistry handlers) =>
        handlers.On<ClearCacheRequest, ClearCacheResponse>((context, _, _) =>
        {
            StationHandlers.StationOf(context).CommandReceived(context.Action, "authorization cache cleared");
            return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
        });
}
