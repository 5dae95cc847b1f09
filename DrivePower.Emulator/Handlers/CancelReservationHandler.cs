using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>CancelReservation (H02): Accepted and the EVSE Available again; Rejected when the station holds no such reservation.</summary>
internal static class CancelReservationHandler
{
    public static OcppHandlerRegistry OnCancelReservation(this OcppHandlerRegistry handlers) =>
        handlers.On<CancelReservationRequest, CancelReservationResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"reservation {request.ReservationId}");
            return ValueTask.FromResult(station.CancelReservation(request.ReservationId)
                ? new CancelReservationResponse { Status = CancelReservationStatus.Accepted }
                : new CancelReservationResponse { Status = CancelReservationStatus.Rejected, StatusInfo = new StatusInfo { ReasonCode = "UnknownReservation" } });
        });
}
