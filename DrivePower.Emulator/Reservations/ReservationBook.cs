namespace DrivePower.Emulator.Reservations;

/// <summary>The station's reservations by id: at most one per EVSE, and any number for no EVSE in particular. Thread-safe.</summary>
internal sealed class ReservationBook
{
    private readonly Lock _sync = new();
    private readonly Dictionary<int, Reservation> _byId = [];

    public Reservation? OnEvse(int evseId)
    {
        lock (_sync)
            return _byId.Values.FirstOrDefault(reservation => reservation.EvseId == evseId);
    }

    /// <summary>The reservations for any EVSE, oldest expiry first (the one to use when a token matches several).</summary>
    public IReadOnlyList<Reservation> ForAnyEvse()
    {
        lock (_sync)
            return [.. _byId.Values.Where(reservation => reservation.EvseId is null).OrderBy(reservation => reservation.ExpiresAt)];
    }

    public bool HasAnyEvseReservations
    {
        get
        {
            lock (_sync)
                return _byId.Values.Any(reservation => reservation.EvseId is null);
        }
    }

    public Reservation? Find(int id)
    {
        lock (_sync)
            return _byId.GetValueOrDefault(id);
    }

    /// <summary>Adds the reservation, replacing one with the same id (H01.FR.02).</summary>
    public Reservation? Put(Reservation reservation)
    {
        lock (_sync)
        {
            var replaced = _byId.GetValueOrDefault(reservation.Id);
            _byId[reservation.Id] = reservation;
            return replaced;
        }
    }

    /// <summary>Removes it if it is still this one (a replaced or used reservation's timer must not remove its successor).</summary>
    public bool Remove(Reservation reservation)
    {
        lock (_sync)
            return _byId.TryGetValue(reservation.Id, out var held) && ReferenceEquals(held, reservation) && _byId.Remove(reservation.Id);
    }
}
