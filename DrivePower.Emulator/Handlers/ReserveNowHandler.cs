using DrivePower.Emulator.Reservations;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// ReserveNow (H01): the EVSE asked for is held for the token until expiryDateTime: Reserved, and only that
/// token or its group starts there. Without an EVSE (ReservationCtrlr.NonEvseSpecific) the station keeps one
/// free EVSE for the token, whichever it turns out to be (see <see cref="Station.IsReserved"/>).
/// Faulted, Unavailable or Occupied EVSEs say so; a known id replaces its reservation.
/// </summary>
internal static class ReserveNowHandler
{
    public static OcppHandlerRegistry OnReserveNow(this OcppHandlerRegistry handlers) =>
        handlers.On<ReserveNowRequest, ReserveNowResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"reservation {request.Id} for {request.IdToken.Token} on EVSE {request.EvseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}");
            return ValueTask.FromResult(Reserve(station, request));
        });

    private static ReserveNowResponse Reserve(Station station, ReserveNowRequest request)
    {
        if (!station.DeviceModel.ReservationEnabled)
            return Answer(ReserveNowStatus.Rejected, "Disabled", "ReservationCtrlr.Enabled is false.");
        if (request.ExpiryDateTime <= DateTimeOffset.UtcNow)
            return Answer(ReserveNowStatus.Rejected, "InvalidValue", "expiryDateTime is already past.");
        if (request.EvseId is not { } evseId)
            return ReserveAnyEvse(station, request);
        if (station.FindEvse(evseId) is not { } evse)
            return Answer(ReserveNowStatus.Rejected, "UnknownEvse", $"The station has no EVSE {evseId}.");
        if (Refusal(station, evse, request.Id) is { } refusal)
            return refusal;
        if (SpareEvses(station, request.Id) <= 0 && station.FreeEvses().Contains(evse))
            return Answer(ReserveNowStatus.Occupied, "Reserved", $"EVSE {evse.Id} is needed for a reservation for any EVSE.");

        station.Reserve(new Reservation(request.Id, evse.Id, request.IdToken, request.GroupIdToken, request.ExpiryDateTime));
        return new ReserveNowResponse { Status = ReserveNowStatus.Accepted };
    }

    /// <summary>H01.FR.07: a reservation for any EVSE holds none in particular, but needs a free EVSE not already needed by the others.</summary>
    private static ReserveNowResponse ReserveAnyEvse(Station station, ReserveNowRequest request)
    {
        if (!station.DeviceModel.NonEvseSpecificReservations)
            return Answer(ReserveNowStatus.Rejected, "MissingEvseId", "ReservationCtrlr.NonEvseSpecific is false: name an EVSE.");
        if (SpareEvses(station, request.Id) <= 0)
        {
            var refusals = station.Evses.Select(evse => Refusal(station, evse, request.Id)?.Status).ToList();
            return refusals.All(status => status == ReserveNowStatus.Faulted) ? Answer(ReserveNowStatus.Faulted, "Faulted", "Every EVSE is faulted.")
                : refusals.All(status => status is ReserveNowStatus.Unavailable or ReserveNowStatus.Faulted) ? Answer(ReserveNowStatus.Unavailable, "Unavailable", "No EVSE is available.")
                : Answer(ReserveNowStatus.Occupied, "NoFreeEvse", "No EVSE is free that another reservation does not need.");
        }

        station.Reserve(new Reservation(request.Id, null, request.IdToken, request.GroupIdToken, request.ExpiryDateTime));
        return new ReserveNowResponse { Status = ReserveNowStatus.Accepted };
    }

    /// <summary>Free EVSEs beyond those the other reservations for any EVSE need (a reservation replacing itself does not count).</summary>
    private static int SpareEvses(Station station, int reservationId) =>
        station.FreeEvses().Count - station.Reservations.ForAnyEvse().Count(held => held.Id != reservationId);

    private static ReserveNowResponse? Refusal(Station station, EvseState evse, int reservationId)
    {
        var statuses = evse.Connectors.Select(station.StatusOf).ToList();
        if (statuses.All(status => status == ConnectorStatus.Faulted))
            return Answer(ReserveNowStatus.Faulted, "Faulted", $"EVSE {evse.Id} is faulted.");
        if (statuses.All(status => status is ConnectorStatus.Unavailable or ConnectorStatus.Faulted))
            return Answer(ReserveNowStatus.Unavailable, "Unavailable", $"EVSE {evse.Id} is unavailable.");
        if (evse.Transaction is not null || statuses.Contains(ConnectorStatus.Occupied))
            return Answer(ReserveNowStatus.Occupied, "Occupied", $"EVSE {evse.Id} is in use.");
        if (station.Reservations.OnEvse(evse.Id) is { } held && held.Id != reservationId)
            return Answer(ReserveNowStatus.Occupied, "Reserved", $"EVSE {evse.Id} is reserved already.");
        return null;
    }

    private static ReserveNowResponse Answer(ReserveNowStatus status, string reason, string detail) =>
        new() { Status = status, StatusInfo = new StatusInfo { ReasonCode = reason, AdditionalInfo = detail } };
}
