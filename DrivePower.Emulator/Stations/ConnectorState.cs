using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>One connector: whether it is operative and plugged, and the status last reported on this connection.</summary>
internal sealed class ConnectorState(EvseState evse, int id)
{
    public EvseState Evse { get; } = evse;

    public int Id { get; } = id;

    public bool Operative { get; set; } = true;

    /// <summary>The hardware reports a fault (control API): Faulted until cleared.</summary>
    public bool Faulted { get; set; }

    /// <summary>An EV's cable is in.</summary>
    public bool Plugged { get; set; }

    /// <summary>The status the CSMS last heard on the current connection; null after a reconnect.</summary>
    public ConnectorStatus? Reported { get; set; }
}
