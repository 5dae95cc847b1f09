using System.Net.WebSockets;
using System.Text;
using DrivePower.Ocpp.Connections;

namespace DrivePower.Emulator.Stations;

/// <summary>Opens a station's WebSocket to the CSMS: OCPP subprotocols, keep-alive pings, optional Basic auth.</summary>
internal static class StationSocket
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    public static async Task<ClientWebSocket> ConnectAsync(Uri url, string stationId, string? password, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        foreach (var subprotocol in OcppSubprotocols.Supported)
            socket.Options.AddSubProtocol(subprotocol);
        socket.Options.KeepAliveInterval = KeepAlive;
        socket.Options.KeepAliveTimeout = KeepAlive;
        if (password is not null)
        {
            // Security profile 1: HTTP Basic, the station identity as user name.
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}"));
            socket.Options.SetRequestHeader("Authorization", $"Basic {credentials}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(url, invoker, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether the CSMS picked one of the OCPP subprotocols we offered.</summary>
    public static bool HasOcppSubprotocol(WebSocket socket) =>
        socket.SubProtocol is { } chosen && OcppSubprotocols.Supported.Contains(chosen, StringComparer.Ordinal);
}
