using DrivePower.Emulator.Reservations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// H: reservations held on the station's EVSEs or for any EVSE, their expiry, and who may start where. A
/// reservation for any EVSE holds no EVSE in particular: the station keeps as many EVSEs free as there are
/// such reservations, and shows every free EVSE Reserved once no more are spare (H01.FR.07/FR.11).
/// </summary>
internal sealed partial class Station
{
    public ReservationBook Reservations { get; } = new();

    /// <summary>Holds the reservation (Reserved is reported after the answer) and expires it at its time.</summary>
    public void Reserve(Reservation reservation)
    {
        Reservations.Put(reservation);
        AfterAnswer(ReportReservedStatuses);
        _ = ExpireAsync(reservation);
    }

    /// <summary>H02: the reservation goes; its EVSE is free again. False when there is no such reservation.</summary>
    public bool CancelReservation(int reservationId)
    {
        if (Reservations.Find(reservationId) is not { } reservation || !Reservations.Remove(reservation))
            return false;
        AfterAnswer(ReportReservedStatuses);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="token"/> may start on the EVSE, and the reservation that start would use: the
    /// EVSE's own reservation admits only its token or group; otherwise a reservation for any EVSE that admits
    /// the token is used, and a token without one may start only while enough other EVSEs stay free for them.
    /// </summary>
    public (bool Allowed, Reservation? Matching) ReservationFor(EvseState evse, IdToken token, IdToken? group)
    {
        if (Reservations.OnEvse(evse.Id) is { } held)
            return held.Admits(token, group) ? (true, held) : (false, null);
        var forAnyEvse = Reservations.ForAnyEvse();
        if (forAnyEvse.FirstOrDefault(reservation => reservation.Admits(token, group)) is { } mine)
            return (true, mine);
        return (forAnyEvse.Count == 0 || FreeEvses().Count(free => free != evse) >= forAnyEvse.Count, null);
    }

    /// <summary><see cref="ReservationFor"/>, with the reservation consumed and returned, to go in the transaction's events.</summary>
    public (bool Allowed, Reservation? Used) UseReservation(EvseState evse, IdToken token, IdToken? group)
    {
        var (allowed, matching) = ReservationFor(evse, token, group);
        if (!allowed || matching is null)
            return (allowed, null);
        return TakeReservation(matching) ? (true, matching) : (false, null);
    }

    /// <summary>Consumes the reservation for a start; false when it went meanwhile (expired or cancelled).</summary>
    public bool TakeReservation(Reservation reservation)
    {
        if (!Reservations.Remove(reservation))
            return false;
        if (reservation.EvseId is null)
            AfterAnswer(ReportReservedStatuses); // the other EVSEs need not be held for it any more
        return true;
    }

    /// <summary>The EVSE shows Reserved: its own reservation, or it is free and every free EVSE is needed for the reservations for any EVSE.</summary>
    public bool IsReserved(EvseState evse)
    {
        if (Reservations.OnEvse(evse.Id) is not null)
            return true;
        var forAnyEvse = Reservations.ForAnyEvse().Count;
        if (forAnyEvse == 0)
            return false;
        var free = FreeEvses();
        return free.Contains(evse) && free.Count <= forAnyEvse;
    }

    /// <summary>EVSEs a driver could use now: operative, a working connector, nothing plugged, no transaction and no reservation of their own.</summary>
    public List<EvseState> FreeEvses()
    {
        lock (Sync)
            return [.. Evses.Where(evse => evse.Transaction is null && Operative && evse.Operative
                && evse.Connectors.Any(connector => connector.Operative && !connector.Faulted)
                && !evse.Connectors.Any(connector => connector.Plugged)
                && Reservations.OnEvse(evse.Id) is null)];
    }

    private async Task ExpireAsync(Reservation reservation)
    {
        await LongDelay.WaitAsync(reservation.ExpiresAt - DateTimeOffset.UtcNow).ConfigureAwait(false);
        if (!Reservations.Remove(reservation))
            return; // used, cancelled or replaced meanwhile
        Outbox.Enqueue(new ReservationStatusUpdateRequest { ReservationId = reservation.Id, ReservationUpdateStatus = ReservationUpdateStatus.Expired });
        ReportAllStatuses();
    }

    /// <summary>Only connectors whose status changed are reported, so reporting all covers every EVSE a reservation touched.</summary>
    private Task ReportReservedStatuses()
    {
        ReportAllStatuses();
        return Task.CompletedTask;
    }
}
