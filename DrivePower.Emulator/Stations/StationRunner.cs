using System.Diagnostics;
using System.Net.WebSockets;
using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// Keeps one station connected: connect (throttled), run the session, and after any drop reconnect with
/// exponential back-off and jitter; after a Reset reconnect at once. The back-off starts again from the
/// minimum only after a stable connection, never after the CSMS replaced this one by a newer connection
/// with the same id (another station uses it: reconnecting at once would make the two fight forever).
/// Cancelling the token closes the socket with NormalClosure.
/// </summary>
internal sealed class StationRunner(Station station, ConnectThrottle throttle, HttpMessageInvoker invoker)
{
    private readonly Uri _url = CsmsAddress.ForStation(station.Options.CsmsUrl, station.Id);
    private readonly Backoff _backoff = new(station.Options.ReconnectMin, station.Options.ReconnectMax);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Monitors keep watching while the station is offline: what they raise waits or is lost, as OCPP says.
        var monitors = station.RunPeriodicMonitorsAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await station.WaitOnlineAsync(cancellationToken).ConfigureAwait(false);
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                var end = await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                    return;
                if (station.TakeReset())
                    continue;
                if (end == ConnectionEnd.Stable)
                    _backoff.Reset();
                var delay = _backoff.Next();
                if (end == ConnectionEnd.Replaced)
                    StationLog.Replaced(station.Logger, station.Id, delay.TotalSeconds);
                else
                    StationLog.Reconnecting(station.Logger, station.Id, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await monitors.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One connection, from connect to close, and how it ended.</summary>
    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        StationLog.Connecting(station.Logger, station.Id, _url);
        ClientWebSocket socket;
        try
        {
            socket = await StationSocket.ConnectAsync(_url, station.Id, station.Options.CsmsPassword, invoker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
                StationLog.ConnectFailed(station.Logger, station.Id, Describe(exception));
            return ConnectionEnd.Failed;
        }

        if (!StationSocket.HasOcppSubprotocol(socket))
        {
            StationLog.NoSubprotocol(station.Logger, station.Id);
            await CloseAsync(socket).ConfigureAwait(false);
            return ConnectionEnd.Failed;
        }

        StationLog.Connected(station.Logger, station.Id, socket.SubProtocol!);
        var connectedFor = Stopwatch.StartNew();
        var services = station.Services;
        services.Metrics.Connected(1);
        var connection = new OcppRpcConnection(socket, station.Id, services.Handlers, services.RpcOptions, services.RpcTelemetry, services.LoggerFactory);
        await using (connection.ConfigureAwait(false))
        {
            var session = new StationSession(station, connection);
            station.Session = session;
            station.Attach(connection);
            var run = connection.RunAsync(CancellationToken.None);
            using var online = CancellationTokenSource.CreateLinkedTokenSource(connection.Closing);
            var lifecycle = session.RunAsync(online.Token);
            await using (cancellationToken.Register(() => _ = connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Station shutting down")).ConfigureAwait(false))
            await using (station.NetworkCut.Register(socket.Abort).ConfigureAwait(false)) // the network or the power went: no close frame
                await run.ConfigureAwait(false);

            await online.CancelAsync().ConfigureAwait(false);
            await lifecycle.ConfigureAwait(false);
            var accepted = station.Registration == RegistrationStatus.Accepted;
            station.Detach();
            station.Session = null;
            services.Metrics.Connected(-1);
            if (accepted)
                services.Metrics.Accepted(-1);
            StationLog.Disconnected(station.Logger, station.Id);
            return EndOf(socket, accepted, connectedFor.Elapsed);
        }
    }

    /// <summary>
    /// Replaced: the CSMS closed it for a newer connection with this id (1008 and that reason). Stable: the
    /// station was accepted and stayed longer than the longest back-off, so the next drop is news.
    /// </summary>
    private ConnectionEnd EndOf(ClientWebSocket socket, bool accepted, TimeSpan connectedFor)
    {
        if (socket.CloseStatus == WebSocketCloseStatus.PolicyViolation
            && string.Equals(socket.CloseStatusDescription, OcppCloseReasons.ReplacedByNewerConnection, StringComparison.Ordinal))
            return ConnectionEnd.Replaced;
        return accepted && connectedFor >= station.Options.ReconnectMax ? ConnectionEnd.Stable : ConnectionEnd.Failed;
    }

    private enum ConnectionEnd
    {
        /// <summary>No connection, or one that did not last: the back-off grows.</summary>
        Failed,

        /// <summary>Accepted and up for a while: the back-off starts again from its minimum.</summary>
        Stable,

        /// <summary>Closed by the CSMS for a newer connection with the same station id: the back-off grows.</summary>
        Replaced,
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseAsync(WebSocketCloseStatus.ProtocolError, "No OCPP subprotocol agreed", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static string Describe(Exception exception) =>
        exception is OperationCanceledException ? "timed out" : exception.InnerException?.Message is { } inner ? $"{exception.Message} ({inner})" : exception.Message;
}
