using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Csms.Connections;

public sealed class GracefulStopTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stopping_closes_every_station_with_1001_writes_their_last_seen_marks_and_takes_seconds()
    {
        // The host's own 30 s shutdown timeout, and marks written only when the CSMS stops.
        var csms = await CsmsTestHost.StartAsync(database.ConnectionString,
            new Dictionary<string, string?> { ["Csms:LastSeenFlushSeconds"] = "3600" },
            services => services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30)));
        var stations = new List<TestStation>();
        for (var i = 0; i < 3; i++)
        {
            var station = await csms.ConnectAsync($"CP-STOP-{i}");
            await station.BootAsync();
            await Sql.ScalarAsync<int>(database.ConnectionString, "UPDATE stations SET last_seen_at = '2000-01-01' WHERE id = @id RETURNING 1", ("id", station.StationId));
            await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);
            stations.Add(station);
        }

        var stopwatch = Stopwatch.StartNew();
        await csms.DisposeAsync();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, Generous);
        foreach (var station in stations)
        {
            await station.Closed.WaitAsync(Generous);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, station.Socket.CloseStatus);
            Assert.Equal(StationSessionGuard.ShuttingDownReason, station.Socket.CloseStatusDescription);
            var lastSeen = await Sql.ScalarAsync<DateTime>(database.ConnectionString, "SELECT last_seen_at FROM stations WHERE id = @id", ("id", station.StationId));
            Assert.True(lastSeen > new DateTime(2020, 1, 1), $"{station.StationId}'s last mark was not written on stop");
            await station.DisposeAsync();
        }
    }

    [Fact]
    public async Task Once_stopping_has_begun_a_new_station_is_refused_with_503()
    {
        var held = new HeldStop();
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, configure: services => services.AddHostedService(_ => held));
        await using var station = await csms.ConnectAsync("CP-BEFORE-STOP");
        await station.BootAsync();

        csms.Get<IHostApplicationLifetime>().StopApplication();
        await held.Reached.Task.WaitAsync(Generous); // stopping has begun; the server still listens
        await station.Closed.WaitAsync(Generous);
        using var late = new ClientWebSocket();
        late.Options.CollectHttpResponseDetails = true;
        late.Options.AddSubProtocol("ocpp2.0.1");

        await Assert.ThrowsAsync<WebSocketException>(() => late.ConnectAsync(csms.OcppUri("CP-AFTER-STOP"), CancellationToken.None));
        held.Release.TrySetResult();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, station.Socket.CloseStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.HttpStatusCode);
    }

    /// <summary>Holds the host's stop before the server's, so a test can knock while the CSMS is stopping.</summary>
    private sealed class HeldStop : IHostedLifecycleService
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            await Release.Task.WaitAsync(Generous, cancellationToken);
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
