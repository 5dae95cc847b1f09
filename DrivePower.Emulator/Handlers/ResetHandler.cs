using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// Reset: Immediate (or OnIdle with nothing running) is Accepted, then transactions end with
/// ImmediateReset, the connection closes and the station boots again with reason RemoteReset.
/// OnIdle while charging is Scheduled until the last transaction ends.
/// </summary>
internal static class ResetHandler
{
    public static OcppHandlerRegistry OnReset(this OcppHandlerRegistry handlers) =>
        handlers.On<ResetRequest, ResetResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, request.EvseId is { } evse ? $"{request.Type} EVSE {evse}" : request.Type.ToString());
            return ValueTask.FromResult(new ResetResponse { Status = station.RequestReset(request.Type, request.EvseId) });
        });
}
