using DrivePower.Emulator.SmartCharging;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// RequestStartTransaction: on the given EVSE (or the first free one). A transaction already running
/// there unauthorized (cable first) is authorized and its id returned; a free, operative EVSE gets a new
/// transaction (the emulated EV is plugged in), and after the answer: Occupied, Started with triggerReason RemoteStart, then charging.
/// Busy, inoperative or unknown EVSEs are Rejected. With AuthCtrlr.AuthorizeRemoteStart the token goes
/// through Authorize first (after the answer): refused, nothing starts. A chargingProfile must be a TxProfile without a
/// transactionId (K05); it is installed for the transaction, which charges within it from the start.
/// </summary>
internal static class RequestStartTransactionHandler
{
    public static OcppHandlerRegistry OnRequestStartTransaction(this OcppHandlerRegistry handlers) =>
        handlers.On<RequestStartTransactionRequest, RequestStartTransactionResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"idToken {request.IdToken.Token} on EVSE {request.EvseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}");
            return ValueTask.FromResult(Start(station, request));
        });

    private static RequestStartTransactionResponse Start(Station station, RequestStartTransactionRequest request)
    {
        EvseState? evse;
        lock (station.Sync)
        {
            evse = request.EvseId is { } id
                ? station.FindEvse(id)
                : station.Evses.FirstOrDefault(candidate => candidate.Transaction is null && IsOperative(station, candidate)
                    && station.ReservationFor(candidate, request.IdToken, request.GroupIdToken).Allowed);
        }

        // A reserved EVSE starts only for its reservation's token or group (H01.FR.23/24); the reservation is then used.
        Reservations.Reservation? reservation = null;
        if (evse is not null && (evse.Transaction is null or { IdToken: null }))
        {
            var (allowed, matching) = station.ReservationFor(evse, request.IdToken, request.GroupIdToken);
            if (!allowed)
                return Rejected("Reserved");
            reservation = matching;
        }

        if (evse is not null && request.ChargingProfile is { } profile && station.DeviceModel.SmartChargingEnabled
            && ProfileRules.Check(station, evse.Id, profile, DateTimeOffset.UtcNow, fromRemoteStart: true) is { } invalid)
            return new RequestStartTransactionResponse { Status = RequestStartStopStatus.Rejected, StatusInfo = invalid.ToStatusInfo() };

        if (evse?.Transaction is { IdToken: null } waiting)
        {
            if (InstallTxProfile(station, evse, waiting, request) is { } clash)
                return new RequestStartTransactionResponse { Status = RequestStartStopStatus.Rejected, StatusInfo = clash.ToStatusInfo() };
            if (reservation is not null && station.TakeReservation(reservation))
                waiting.ReservationId = reservation.Id;
            station.AfterAnswer(async () =>
            {
                if (!await AuthorizedAsync(station, request.IdToken).ConfigureAwait(false))
                    return; // the EV keeps waiting for a token
                waiting.Authorize(request.IdToken, TriggerReason.RemoteStart, request.RemoteStartId);
                waiting.SetChargingState(ChargingState.Charging);
            });
            return new RequestStartTransactionResponse { Status = RequestStartStopStatus.Accepted, TransactionId = waiting.Id };
        }

        if (evse is null || evse.Transaction is not null || !IsOperative(station, evse))
            return Rejected(evse is null ? "UnknownEvse" : evse.Transaction is not null ? "TxInProgress" : "Unavailable");

        var connector = evse.Connectors.FirstOrDefault(candidate => candidate.Operative && !candidate.Faulted) ?? evse.Connectors[0];
        var transaction = TransactionSession.Reserve(station, connector, request.IdToken, request.RemoteStartId, unplugWhenEnded: true);
        if (transaction is null)
            return Rejected("TxInProgress");
        if (InstallTxProfile(station, evse, transaction, request) is { } duplicate)
        {
            transaction.Release();
            return new RequestStartTransactionResponse { Status = RequestStartStopStatus.Rejected, StatusInfo = duplicate.ToStatusInfo() };
        }

        if (reservation is not null && station.TakeReservation(reservation))
            transaction.ReservationId = reservation.Id;

        station.AfterAnswer(async () =>
        {
            if (!await AuthorizedAsync(station, request.IdToken).ConfigureAwait(false))
            {
                station.ChargingProfiles.RemoveTransaction(transaction.Id);
                transaction.Release(); // nothing was sent for it
                return;
            }

            station.ReportStatus(connector);
            transaction.Begin(TriggerReason.RemoteStart);
            transaction.SetChargingState(ChargingState.Charging);
        });
        return new RequestStartTransactionResponse { Status = RequestStartStopStatus.Accepted };
    }

    /// <summary>The remote start's TxProfile, bound to its transaction; null when there is none or it is installed.</summary>
    private static ProfileRejection? InstallTxProfile(Station station, EvseState evse, TransactionSession transaction, RequestStartTransactionRequest request) =>
        request.ChargingProfile is { } profile && station.DeviceModel.SmartChargingEnabled
            ? station.ChargingProfiles.Install(evse.Id, profile with { TransactionId = transaction.Id })
            : null;

    /// <summary>With AuthCtrlr.AuthorizeRemoteStart the token is authorized first, as a local one would be (Authorize, or the offline rules).</summary>
    private static async Task<bool> AuthorizedAsync(Station station, IdToken idToken) =>
        !station.DeviceModel.AuthorizeRemoteStart
        || await station.AuthorizeAsync(idToken, CancellationToken.None).ConfigureAwait(false) == AuthorizationStatus.Accepted;

    private static bool IsOperative(Station station, EvseState evse) =>
        station.Operative && evse.Operative && evse.Connectors.Any(connector => connector.Operative && !connector.Faulted);

    private static RequestStartTransactionResponse Rejected(string reason) =>
        new() { Status = RequestStartStopStatus.Rejected, StatusInfo = new StatusInfo { ReasonCode = reason } };
}
