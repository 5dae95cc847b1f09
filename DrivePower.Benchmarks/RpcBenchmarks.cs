using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Benchmarks;

/// <summary>
/// A full OCPP round trip (CALL out, handler, CALLRESULT back, both payloads validated) between two
/// real WebSockets over loopback TCP: the latency one station connection sees.
/// </summary>
[MemoryDiagnoser]
public class RpcBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private OcppRpcConnection _station = null!;
    private OcppRpcConnection _csms = null!;
    private Task _stationRun = null!;
    private Task _csmsRun = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient { NoDelay = true };
        var accepting = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var server = await accepting;
        server.NoDelay = true;

        var handlers = new OcppHandlerRegistry()
            .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Now }));
        _csms = new OcppRpcConnection(WebSocket.CreateFromStream(server.GetStream(), true, "ocpp2.0.1", Timeout.InfiniteTimeSpan), "CP-BENCH", handlers);
        _station = new OcppRpcConnection(WebSocket.CreateFromStream(client.GetStream(), false, "ocpp2.0.1", Timeout.InfiniteTimeSpan), "CP-BENCH", new OcppHandlerRegistry());
        _csmsRun = _csms.RunAsync();
        _stationRun = _station.RunAsync();
    }

    [Benchmark]
    public Task<HeartbeatResponse> HeartbeatRoundTrip() => _station.CallAsync(new HeartbeatRequest());

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _station.DisposeAsync();
        await _csms.DisposeAsync();
        await Task.WhenAll(_stationRun, _csmsRun);
    }
}
