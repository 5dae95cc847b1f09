using System.Diagnostics;
using System.Net.WebSockets;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Emulator;

/// <summary>Stopping the emulator (Ctrl+C, host stop) switches its stations off: their transactions end, and the CSMS hears it.</summary>
public sealed class SwitchOffTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly IdToken Token = new() { Token = "REMOTE-1", Type = IdTokenType.Central };

    [Fact]
    public async Task Stopping_ends_running_transactions_with_PowerLoss_before_the_socket_closes()
    {
        var csms = await TestCsms.StartAsync();
        await using var _ = csms;
        var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-OFF-1"), ("EVSE_COUNT", "2"));
        await TestCsms.WaitUntilAsync(() => csms.Received<StatusNotificationRequest>("CP-OFF-1").Count >= 2, "connectors reported");
        await csms.SendAsync("CP-OFF-1", new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });
        await csms.SendAsync("CP-OFF-1", new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 2, EvseId = 2 });
        await csms.WaitForAsync<TransactionEventRequest>("CP-OFF-1", e => e.SeqNo == 1 && e.Evse is null, skip: 0);

        var clock = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"stopping took {clock.Elapsed}");
        var ended = csms.Received<TransactionEventRequest>("CP-OFF-1").Where(e => e.EventType == TransactionEventType.Ended).ToList();
        Assert.Equal(2, ended.Count);
        Assert.All(ended, e => Assert.Equal((StoppedReason.PowerLoss, TriggerReason.AbnormalCondition), (e.TransactionInfo.StoppedReason!.Value, e.TriggerReason)));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, csms.CloseStatuses["CP-OFF-1"]);
    }

    [Fact]
    public async Task Stopping_is_bounded_when_the_csms_refuses_the_last_events()
    {
        var logs = new RecordedLogs();
        var csms = await TestCsms.StartAsync();
        await using var _ = csms;
        var emulator = await EmulatorHost.StartAsync(csms, logs, ("STATION_ID", "CP-OFF-2"));
        await TestCsms.WaitUntilAsync(() => csms.Received<StatusNotificationRequest>("CP-OFF-2").Count >= 1, "connector reported");
        await csms.SendAsync("CP-OFF-2", new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });
        await csms.WaitForAsync<TransactionEventRequest>("CP-OFF-2", e => e.SeqNo == 1);
        csms.RefuseTransactionEvent = _ => true;

        var clock = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"stopping took {clock.Elapsed}");
        Assert.Contains(csms.Refused, m => m.Request is TransactionEventRequest { EventType: TransactionEventType.Ended });
        Assert.Single(logs.Named("SwitchOffUndelivered"));
    }

    [Fact]
    public async Task Stopping_the_charging_scenario_leaves_no_active_transaction_in_the_csms()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-OFF",
            ["STATION_COUNT"] = "2",
            ["EVSE_COUNT"] = "2",
            ["SCENARIO"] = "charging",
            ["SCENARIO_CHARGE_SECONDS"] = "60",
            ["SCENARIO_PAUSE_SECONDS"] = "0.2",
            ["METER_INTERVAL_SECONDS"] = "0.5",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id LIKE 'EMU-OFF-%' AND is_active AND charging_state = 'Charging'") == 4,
            TimeSpan.FromSeconds(20));

        using var stopWithin = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await emulator.StopAsync(stopWithin.Token);

        var rows = await Sql.RowsAsync(database.ConnectionString,
            "SELECT is_active, stopped_reason FROM transactions WHERE station_id LIKE 'EMU-OFF-%'");
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row => Assert.Equal((false, "PowerLoss"), ((bool)row["is_active"]!, (string?)row["stopped_reason"])));
    }
}
