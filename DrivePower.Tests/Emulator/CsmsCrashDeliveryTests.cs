using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Emulator;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrivePower.Tests.Emulator;

/// <summary>
/// The charging scenario (and one remote-started session on an idle station) against the built CSMS as a
/// process of its own, killed with SIGKILL while sessions run and started again on the same port. Row and
/// table locks of the test's make sure the kill finds every station with a CALL in the CSMS's hands, some
/// not yet stored, one stored but unanswered. The stations reconnect and send again what was never
/// answered (E13), and afterwards every session the emulator ran is in the CSMS, complete and with the
/// emulator's energy and stopped reason.
/// </summary>
public sealed class CsmsCrashDeliveryTests : IAsyncLifetime
{
    private const string Prefix = "EMU-CRASH";
    private const string RemoteStation = "EMU-CRASH-REMOTE";
    private static readonly string[] StationIds = ["EMU-CRASH-0001", "EMU-CRASH-0002", "EMU-CRASH-0003"];
    private readonly RecordedLogs _logs = new();
    private ScratchDatabase _database = null!;
    private CsmsProcess _csms = null!;

    private string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync("crash", migrated: true);
        _csms = await CsmsProcess.StartAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _csms.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task After_the_csms_is_killed_mid_session_and_restarted_every_session_the_emulator_ran_is_complete_in_the_csms()
    {
        using var emulator = StartEmulator(Prefix, StationIds.Length, "charging");
        using var remote = StartEmulator(RemoteStation, 1, "idle");
        await Task.WhenAll(emulator.StartAsync(), remote.StartAsync());
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(ConnectionString,
            "SELECT count(*) FROM stations WHERE id LIKE 'EMU-CRASH-%' AND registration_status = 'Accepted'") == StationIds.Length + 1, TimeSpan.FromSeconds(20));
        foreach (var stationId in StationIds.Append(RemoteStation))
            await DeliveryDrill.ConfigureDeliveryAsync(_csms.Http, stationId);
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id LIKE 'EMU-CRASH-0%' AND NOT is_active") >= 2, TimeSpan.FromSeconds(20));
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id LIKE 'EMU-CRASH-0%' AND is_active") >= 2, TimeSpan.FromSeconds(10));

        // The kill lands with every station's CALL in the CSMS's hands. The remote start's Started is
        // stored first, but its answer waits on the idToken's status: the station must send it again, and
        // the CSMS take the second copy as nothing new. Then the charging stations' next events of running
        // sessions wait on their transaction's row (events are written in batches, so a blocked batch holds
        // up those queued behind it too): not yet stored.
        DateTimeOffset crash;
        await using (var tokens = await Locks.TakeAsync(ConnectionString))
        {
            await tokens.RunAsync("LOCK TABLE id_tokens IN ACCESS EXCLUSIVE MODE");
            await RemoteStartAsync();
            await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(ConnectionString, """
                SELECT count(*) FROM transaction_events e JOIN transactions t ON t.id = e.transaction_pk
                WHERE t.station_id = 'EMU-CRASH-REMOTE' AND e.event_type = 'Started'
                """) == 1 && await WaitingCallsAsync() >= 1, TimeSpan.FromSeconds(5));
            await using (var sessions = await Locks.TakeAsync(ConnectionString))
            {
                // For two meter intervals, lock every running session's row as it starts: each charging station
                // then has its next CALL in the CSMS's hands, waiting on its row (or queued behind a batch that
                // is) or, when it carries an idToken, stored and waiting on the idTokens lock.
                for (var until = DateTime.UtcNow.AddSeconds(1); DateTime.UtcNow < until; await Task.Delay(100))
                    await sessions.RunAsync("SELECT 1 FROM transactions WHERE station_id LIKE 'EMU-CRASH-0%' AND is_active FOR UPDATE SKIP LOCKED");
                crash = DateTimeOffset.UtcNow;
                await _csms.KillAsync();
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await _csms.StartAgainAsync();
        var restarted = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));

        var ended = _logs.Named("TransactionEnded").ToDictionary(entry => entry.Text("TransactionId"), entry => entry.At, StringComparer.Ordinal);
        var spannedTheCrash = _logs.Named("TransactionStarted")
            .Where(entry => entry.At < crash && ended.TryGetValue(entry.Text("TransactionId"), out var endedAt) && endedAt > crash)
            .Select(entry => entry.Text("TransactionId")).ToList();
        Assert.NotEmpty(spannedTheCrash);
        Assert.Contains(_logs.Named("TransactionStarted"), entry => entry.At > restarted && ended.ContainsKey(entry.Text("TransactionId")));

        var ran = ended.Keys.ToHashSet(StringComparer.Ordinal);
        var incomplete = await DeliveryDrill.IncompleteAsync(ConnectionString, Prefix + "-", ran);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); incomplete.Count > 0 && DateTime.UtcNow < deadline; incomplete = await DeliveryDrill.IncompleteAsync(ConnectionString, Prefix + "-", ran))
            await Task.Delay(250);
        using var stopWithin = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await Task.WhenAll(emulator.StopAsync(stopWithin.Token), remote.StopAsync(stopWithin.Token));

        Assert.Empty(incomplete);
        var started = _logs.Named("TransactionStarted").Select(entry => entry.Text("TransactionId")).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(await DeliveryDrill.IncompleteAsync(ConnectionString, Prefix + "-", started)); // the stop ended (PowerLoss) and delivered the sessions still running, the remote one too
        Assert.Empty(await DifferentAsync(_logs.Named("TransactionEnded").ToList()));
        Assert.Empty(_logs.Named("DeliveryGivenUp"));
    }

    /// <summary>How many of the CSMS's handlers wait on the test's locks (one CALL per station at most).</summary>
    private async Task<long> WaitingCallsAsync() => await Sql.ScalarAsync<long>(ConnectionString,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    private async Task RemoteStartAsync()
    {
        using var response = await _csms.Http.PostAsJsonAsync($"/api/stations/{RemoteStation}/commands/RequestStartTransaction", new
        {
            idToken = new { idToken = "CRASH-REMOTE-1", type = "Central" },
            remoteStartId = 1,
            evseId = 1,
        });
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Accepted", answer.RootElement.GetProperty("status").GetString());
    }

    /// <summary>
    /// Each ended session whose energy (start and end register, so the delivered energy too) or stopped
    /// reason in the CSMS is not what the emulator says it was: an event lost, stored twice or in the wrong place.
    /// </summary>
    private async Task<List<string>> DifferentAsync(IReadOnlyList<RecordedLogs.Entry> endedSessions)
    {
        var rows = (await Sql.RowsAsync(ConnectionString, """
            SELECT transaction_id, energy_start_wh, energy_end_wh, stopped_reason
            FROM transactions WHERE station_id LIKE 'EMU-CRASH-%'
            """)).ToDictionary(row => (string)row["transaction_id"]!, StringComparer.Ordinal);
        var different = new List<string>();
        foreach (var session in endedSessions)
        {
            var id = session.Text("TransactionId");
            var register = (decimal)session.Values["RegisterWh"]!;
            var delivered = (decimal)session.Values["DeliveredWh"]!;
            if (!rows.TryGetValue(id, out var row)
                || row["energy_end_wh"] as decimal? != register
                || register - (row["energy_start_wh"] as decimal?) != delivered
                || row["stopped_reason"] as string != session.Text("StoppedReason"))
                different.Add($"{id}: emulator {delivered} Wh to {register} Wh ({session.Text("StoppedReason")}), CSMS "
                    + (row is null ? "none" : $"{row["energy_start_wh"]} Wh to {row["energy_end_wh"]} Wh ({row["stopped_reason"]})"));
        }

        return different;
    }

    private IHost StartEmulator(string stationId, int count, string scenario)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = _csms.OcppUrl.ToString(),
            ["CONTROL_PORT"] = "0", // tests run side by side
            ["STATION_ID"] = stationId,
            ["CONTROL_PORT"] = "0", // any free port: tests run side by side
            ["STATION_COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EVSE_COUNT"] = "2",
            ["SCENARIO"] = scenario,
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

    /// <summary>A transaction of the test's: the row and table locks its statements take hold what the CSMS waits on, until disposed (rolled back).</summary>
    private sealed class Locks(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public static async Task<Locks> TakeAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return new Locks(connection, await connection.BeginTransactionAsync());
        }

        public async Task RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
