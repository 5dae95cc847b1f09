using System.Net.WebSockets;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Csms.Connections;

public sealed class StationConnectionsTests
{
    private readonly StationConnections _connections = new();

    [Fact]
    public void A_later_arrival_replaces_the_current_session_and_returns_the_older()
    {
        var older = Session("CP-A", _connections.NextArrival());
        var newer = Session("CP-A", _connections.NextArrival());

        Assert.Null(_connections.Register(older));
        Assert.Same(older, _connections.Register(newer));
        Assert.Same(newer, _connections.Find("CP-A"));
    }

    [Fact]
    public void An_earlier_arrival_registering_late_replaces_nothing_and_is_itself_the_loser()
    {
        var older = Session("CP-B", _connections.NextArrival());
        var newer = Session("CP-B", _connections.NextArrival());

        Assert.Null(_connections.Register(newer));
        Assert.Same(older, _connections.Register(older));
        Assert.Same(newer, _connections.Find("CP-B"));
        Assert.False(_connections.Unregister(older));
    }

    private static StationSession Session(string stationId, long arrival)
    {
        var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true });
        return new StationSession(stationId, new OcppRpcConnection(socket, stationId, new OcppHandlerRegistry()), "ocpp2.0.1", DateTimeOffset.UtcNow, arrival);
    }
}
