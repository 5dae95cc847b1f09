using System.Net;
using System.Net.Sockets;

namespace DrivePower.Tests.Csms;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that can swallow the server's next answer and cut the
/// connection: what a network failure just after a commit looks like to Npgsql.
/// </summary>
internal sealed class ConnectionCuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _armed;

    /// <param name="host">The server's address.</param>
    /// <param name="port">The server's port.</param>
    /// <param name="listenPort">0 for any free port; a given one to stand in for a server that was away.</param>
    public ConnectionCuttingProxy(string host, int port, int listenPort = 0)
    {
        _server = new IPEndPoint(IPAddress.Parse(host), port);
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The next answer the server sends on any connection is dropped, and that connection closed.</summary>
    public void CutAfterNextAnswer() => Volatile.Write(ref _armed, 1);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_server, _stop.Token);
            var up = CopyAsync(client.GetStream(), server.GetStream(), cut: false);
            var down = CopyAsync(server.GetStream(), client.GetStream(), cut: true);
            await Task.WhenAny(up, down);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away: close the other.
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool cut)
    {
        var buffer = new byte[16384];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
                return;
            if (cut && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await Task.Delay(200, _stop.Token); // the server has committed and answered; the answer never arrives
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
