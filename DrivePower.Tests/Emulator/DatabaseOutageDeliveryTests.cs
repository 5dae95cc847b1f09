using DrivePower.Emulator;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>
/// The charging scenario against the real CSMS while PostgreSQL stops for a few seconds: the CSMS answers
/// CALLERROR InternalError meanwhile, the stations retry (E13) and authorize offline, and afterwards every
/// session the emulator ran is in the CSMS, complete. This class runs a PostgreSQL server of its own.
/// </summary>
public sealed class DatabaseOutageDeliveryTests : IAsyncLifetime
{
    private const string Prefix = "EMU-OUT";
    private static readonly string[] StationIds = ["EMU-OUT-0001", "EMU-OUT-0002", "EMU-OUT-0003"];
    private readonly RecordedLogs _logs = new();
    private PostgresServer _server = null!;
    private string _connectionString = null!;
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartThrowawayAsync();
        _connectionString = await _server.CreateMigratedDatabaseAsync("delivery");
        _csms = await CsmsTestHost.StartAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _csms.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task After_a_database_outage_every_session_the_emulator_ran_is_complete_in_the_csms()
    {
        using var emulator = StartEmulator();
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(_connectionString,
            "SELECT count(*) FROM stations WHERE id LIKE 'EMU-OUT-%' AND registration_status = 'Accepted'") == 3, TimeSpan.FromSeconds(20));
        foreach (var stationId in StationIds)
            await DeliveryDrill.ConfigureDeliveryAsync(_csms.Http, stationId);
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(_connectionString,
            "SELECT count(*) FROM transactions WHERE station_id LIKE 'EMU-OUT-%' AND NOT is_active") >= 2, TimeSpan.FromSeconds(20));

        var outageStart = DateTimeOffset.UtcNow;
        await _server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await _server.StartAsync();
        var outageEnd = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));

        var ran = _logs.Named("TransactionEnded").Select(entry => entry.Text("TransactionId")).ToHashSet(StringComparer.Ordinal);
        var startedDuringOutage = _logs.Named("TransactionStarted")
            .Where(entry => entry.At > outageStart && entry.At < outageEnd)
            .Select(entry => entry.Text("TransactionId")).Where(ran.Contains).ToList();
        Assert.NotEmpty(startedDuringOutage);

        var incomplete = await DeliveryDrill.IncompleteAsync(_connectionString, Prefix + "-", ran);
        for (var deadline = DateTime.UtcNow.AddSeconds(45); incomplete.Count > 0 && DateTime.UtcNow < deadline; incomplete = await DeliveryDrill.IncompleteAsync(_connectionString, Prefix + "-", ran))
            await Task.Delay(250);
        using var stopWithin = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await emulator.StopAsync(stopWithin.Token);

        Assert.Empty(incomplete);
        var started = _logs.Named("TransactionStarted").Select(entry => entry.Text("TransactionId")).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(await DeliveryDrill.IncompleteAsync(_connectionString, Prefix + "-", started)); // the stop ended (PowerLoss) and delivered the sessions still running
        Assert.NotEmpty(_logs.Named("DeliveryRetrying"));
        Assert.Empty(_logs.Named("DeliveryGivenUp"));
        Assert.Contains(_logs.Named("AuthorizedOffline"), entry => entry.Text("Status") == "Accepted");
    }

    private IHost StartEmulator()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{_csms.BaseAddress.Authority}/ocpp",
            ["CONTROL_PORT"] = "0", // tests run side by side
            ["STATION_ID"] = Prefix,
            ["CONTROL_PORT"] = "0", // any free port: tests run side by side
            ["STATION_COUNT"] = "3",
            ["EVSE_COUNT"] = "2",
            ["SCENARIO"] = "charging",
            ["SCENARIO_CHARGE_SECONDS"] = "1.5",
            ["SCENARIO_PAUSE_SECONDS"] = "0.3",
            ["METER_INTERVAL_SECONDS"] = "0.5",
            ["CHARGING_POWER_W"] = "300000",
            ["CALL_TIMEOUT_SECONDS"] = "5",
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.5",
            ["CONNECT_RATE"] = "1000",
        });
        builder.AddEmulator();
        builder.Logging.AddProvider(_logs);
        builder.Logging.AddFilter("DrivePower.Ocpp", LogLevel.Warning);
        return builder.Build();
    }
}
