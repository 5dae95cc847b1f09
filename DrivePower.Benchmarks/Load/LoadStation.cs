using System.Diagnostics;
using System.Net.WebSockets;
using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// One station of the load generator: a real WebSocket and OCPP RPC connection that boots, reports
/// its connector and then sends StatusNotifications one at a time (OCPP allows one CALL in flight).
/// </summary>
internal sealed class LoadStation : IAsyncDisposable
{
    private static readonly OcppRpcOptions RpcOptions = new() { CallTimeout = TimeSpan.FromSeconds(60) };
    private readonly ClientWebSocket _socket;
    private readonly OcppRpcConnection _connection;
    private readonly Task _run;
    private ConnectorStatus _status = ConnectorStatus.Available;

    private LoadStation(string id, ClientWebSocket socket)
    {
        Id = id;
        _socket = socket;
        _connection = new OcppRpcConnection(socket, id, new OcppHandlerRegistry(), RpcOptions);
        _run = _connection.RunAsync();
    }

    public string Id { get; }

    public LatencyRecorder Latencies { get; } = new();

    public int Failed { get; private set; }

    public static async Task<LoadStation> ConnectAsync(Uri ocppBase, string id, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(OcppSubprotocols.Ocpp201);
        socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan; // idle stations cost no pings
        try
        {
            await socket.ConnectAsync(new Uri(ocppBase, id), invoker, cancellationToken);
            return new LoadStation(id, socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>BootNotification, then its connector's status: what every station sends on power-up.</summary>
    public async Task BootAsync(CancellationToken cancellationToken)
    {
        await _connection.CallAsync(new BootNotificationRequest
        {
            Reason = BootReason.PowerUp,
            ChargingStation = new ChargingStation { Model = "DP-Load", VendorName = "DrivePower" },
        }, cancellationToken);
        await _connection.CallAsync(Status(), cancellationToken);
    }

    /// <summary>Calls of the loop's warm-up: timed like the rest, kept apart from <see cref="Latencies"/>.</summary>
    public LatencyRecorder WarmupLatencies { get; } = new();

    /// <summary>
    /// StatusNotifications until <paramref name="until"/>, each timed; a failure is counted, not thrown.
    /// A call that starts before <paramref name="measureFrom"/> is the warm-up's and is recorded in
    /// <see cref="WarmupLatencies"/>; both are <see cref="Stopwatch"/> timestamps, as are the pace's slots.
    /// Without a <paramref name="pace"/> the calls go back to back (a closed loop: the latency is whatever
    /// the saturated CSMS makes it). With one, each call has its slot on a fixed schedule and its time is
    /// counted from that slot, not from when it went out, so a CSMS that falls behind is charged for the
    /// wait it caused (no coordinated omission).
    /// </summary>
    public async Task LoopAsync(long until, long measureFrom, LoopPace? pace, CancellationToken cancellationToken)
    {
        var slot = pace?.FirstSlot ?? 0;
        while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            if (pace is not null)
            {
                if (slot > start)
                    await Task.Delay(Stopwatch.GetElapsedTime(start, slot), cancellationToken);
                start = slot;
                slot += pace.PeriodTicks;
            }

            _status = _status == ConnectorStatus.Available ? ConnectorStatus.Occupied : ConnectorStatus.Available;
            try
            {
                await _connection.CallAsync(Status(), cancellationToken);
                (start < measureFrom ? WarmupLatencies : Latencies).Record(start);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Failed++;
                if (!_connection.IsOpen)
                    return;
            }
        }
    }

    private StatusNotificationRequest Status() => new()
    {
        Timestamp = DateTimeOffset.UtcNow,
        ConnectorStatus = _status,
        EvseId = 1,
        ConnectorId = 1,
    };

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }
}
