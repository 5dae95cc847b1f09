using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>ReservationCtrlr: Enabled (RW), Available, NonEvseSpecific (RW: a reservation may leave the EVSE to the station).</summary>
internal sealed partial class DeviceModel
{
    private bool _reservationEnabled = true;
    private bool _nonEvseSpecific = true;

    public bool ReservationEnabled
    {
        get { lock (_sync) return _reservationEnabled; }
        private set { lock (_sync) _reservationEnabled = value; }
    }

    public bool NonEvseSpecificReservations
    {
        get { lock (_sync) return _nonEvseSpecific; }
        private set { lock (_sync) _nonEvseSpecific = value; }
    }

    private Dictionary<string, Entry> ReservationVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(ReservationEnabled), value => WriteBoolean(value, on => ReservationEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["NonEvseSpecific"] = new(() => Boolean(NonEvseSpecificReservations), value => WriteBoolean(value, on => NonEvseSpecificReservations = on),
            Type: DataType.boolean),
    };
}
