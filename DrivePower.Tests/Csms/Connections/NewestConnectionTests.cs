using System.Net.WebSockets;
using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Emulator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms.Connections;

public sealed class NewestConnectionTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private CsmsTestHost _csms = null!;
    private readonly RecordedLogs _logs = new();
    private GatedRegistrationHistory _history = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, configure: services =>
        {
            services.AddLogging(logging => logging.AddProvider(_logs));
            services.AddSingleton<IRegistrationHistory>(provider =>
                _history = new GatedRegistrationHistory(new StoredRegistrationHistory(provider.GetRequiredService<StationStore>())));
        });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task The_newest_connection_stays_open_when_the_older_ones_setup_finishes_last()
    {
        // The older connection is the one a station dropped without the CSMS noticing yet (half-open).
        for (var trial = 0; trial < 10; trial++)
        {
            var stationId = $"CP-NEWEST-{trial}";
            await using var older = await _csms.ConnectAsync(stationId);
            await _history.HeldAsync(stationId); // the older's setup waits at the database read
            await using var newer = await _csms.ConnectAsync(stationId);
            await newer.BootAsync();

            _history.Open(stationId);
            var closed = await Task.WhenAny(older.Closed, newer.Closed).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Same(older.Closed, closed);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, older.Socket.CloseStatus);
            Assert.Equal(OcppCloseReasons.ReplacedByNewerConnection, older.Socket.CloseStatusDescription);
            await newer.CallAsync(new HeartbeatRequest());
            Assert.True(newer.Connection.IsOpen);
            Assert.True(_csms.Get<StationConnections>().IsConnected(stationId));
            Assert.Equal(LogLevel.Warning, Assert.Single(Replacements(stationId)).Level);
        }
    }

    private IEnumerable<RecordedLogs.Entry> Replacements(string stationId) =>
        _logs.Named("StationConnectionReplaced").Where(entry => entry.Text("StationId") == stationId);
}
