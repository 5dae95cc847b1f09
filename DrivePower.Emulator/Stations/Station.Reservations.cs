using DrivePower.Emulator.Reservations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>H: reservations held on the station's EVSEs, their expiry, and who may start on a reserved EVSE.</summary>
internal sealed partial class Station
{
    public ReservationBook Reservations { get; } = new();

    /// <summary>Holds the reservation on its EVSE (Reserved is reported after the answer) and expires it at its time.</summary>
    public void Reserve(Reservation reservation)
    {
        if (Reservations.Put(reservation) is { } replaced && replaced.EvseId != reservation.EvseId && FindEvse(replaced.EvseId) is { } previous)
            AfterAnswer(() => Report(previous));
        AfterAnswer(() => Report(FindEvse(reservation.EvseId)!));
        _ = ExpireAsync(reservation);
    }

    /// <summary>H02: the reservation goes; its EVSE is free again. False when there is no such reservation.</summary>
    public bool CancelReservation(int reservationId)
    {
        if (Reservations.Find(reservationId) is not { } reservation || !Reservations.Remove(reservation))
            return false;
        AfterAnswer(() => Report(FindEvse(reservation.EvseId)!));
        return true;
    }

    /// <summary>
    /// Whether <paramref name="token"/> may start on the EVSE: yes when it is not reserved, or reserved for
    /// this token or its group; the reservation it uses is consumed and returned, to go in the transaction's events.
    /// </summary>
    public (bool Allowed, Reservation? Used) UseReservation(EvseState evse, IdToken token, IdToken? group)
    {
        if (Reservations.OnEvse(evse.Id) is not { } reservation)
            return (true, null);
        if (!reservation.Admits(token, group) || !Reservations.Remove(reservation))
            return (false, null);
        return (true, reservation);
    }

    public bool IsReserved(EvseState evse) => Reservations.OnEvse(evse.Id) is not null;

    private async Task ExpireAsync(Reservation reservation)
    {
        var wait = reservation.ExpiresAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait).ConfigureAwait(false);
        if (!Reservations.Remove(reservation))
            return; // used, cancelled or replaced meanwhile
        Outbox.Enqueue(new ReservationStatusUpdateRequest { ReservationId = reservation.Id, ReservationUpdateStatus = ReservationUpdateStatus.Expired });
        if (FindEvse(reservation.EvseId) is { } evse)
            ReportStatuses(evse.Connectors);
    }

    private Task Report(EvseState evse)
    {
        ReportStatuses(evse.Connectors);
        return Task.CompletedTask;
    }
}
