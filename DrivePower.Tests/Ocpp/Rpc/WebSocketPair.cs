using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>Two real WebSockets talking over a loopback TCP connection: a "station" end and a "CSMS" end.</summary>
internal sealed class WebSocketPair : IAsyncDisposable
{
    private WebSocketPair(WebSocket client, WebSocket server)
    {
        Client = client;
        Server = server;
    }

    public WebSocket Client { get; }

    public WebSocket Server { get; }

    public static async Task<WebSocketPair> CreateAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient { NoDelay = true };
        var accept = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var server = await accept;
        server.NoDelay = true;
        return new WebSocketPair(
            WebSocket.CreateFromStream(client.GetStream(), isServer: false, "ocpp2.0.1", Timeout.InfiniteTimeSpan),
            WebSocket.CreateFromStream(server.GetStream(), isServer: true, "ocpp2.0.1", Timeout.InfiniteTimeSpan));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Abort();
        Server.Abort();
        Client.Dispose();
        Server.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>A peer that speaks raw text frames, to send what a well-behaved library never would.</summary>
internal sealed class RawPeer(WebSocket socket)
{
    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[1 << 20];
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(count), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new WebSocketException($"closed: {socket.CloseStatus}");
            count += result.Count;
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(buffer, 0, count);
        }
    }
}

/// <summary>Starts an <see cref="OcppRpcConnection"/> on one end and stops it with the test.</summary>
internal sealed class RunningConnection : IAsyncDisposable
{
    private readonly Task _run;

    public RunningConnection(WebSocket socket, OcppHandlerRegistry handlers, OcppRpcOptions? options = null, string stationId = "CP-TEST")
    {
        Connection = new OcppRpcConnection(socket, stationId, handlers, options);
        _run = Connection.RunAsync();
    }

    public OcppRpcConnection Connection { get; }

    public Task Completion => _run;

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
