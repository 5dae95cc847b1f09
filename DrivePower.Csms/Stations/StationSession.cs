using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Stations;

/// <summary>One connected station: its socket's RPC connection and whether its boot was accepted.</summary>
public sealed class StationSession(string stationId, OcppRpcConnection connection, string subprotocol, DateTimeOffset connectedAt, long arrival)
{
    private volatile bool _accepted;

    public string StationId { get; } = stationId;

    public OcppRpcConnection Connection { get; } = connection;

    public string Subprotocol { get; } = subprotocol;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>
    /// Where the connection's upgrade request came in the order of all arrivals (<see cref="StationConnections.NextArrival"/>):
    /// of two connections of one station, the higher number is the newer.
    /// </summary>
    public long Arrival { get; } = arrival;

    /// <summary>True once a BootNotification was Accepted (now, or before a reconnect).</summary>
    public bool Accepted
    {
        get => _accepted;
        set => _accepted = value;
    }
}
