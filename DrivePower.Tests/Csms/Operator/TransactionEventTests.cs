using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class TransactionEventTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private const string TransactionSql = """
        SELECT id, evse_id, connector_id, id_token, id_token_type, started_at, ended_at, stopped_reason, charging_state,
               energy_start_wh, energy_end_wh, last_seq_no, is_active
        FROM transactions WHERE station_id = @station AND transaction_id = @tx
        """;

    [Fact]
    public async Task Started_updated_ended_leave_one_transaction_its_three_events_and_its_meter_values()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TX-LIFE");

        await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-1", 1000m, ChargingState.EVConnected, idToken: Token("CARD-1")));
        await station.CallAsync(Event(TransactionEventType.Updated, 1, "tx-1", 1500m, ChargingState.Charging));
        await station.CallAsync(Event(TransactionEventType.Ended, 2, "tx-1", 2250m, ChargingState.EVConnected, StoppedReason.EVDisconnected));

        var row = Assert.Single(await Sql.RowsAsync(db.ConnectionString, TransactionSql, ("station", "TX-LIFE"), ("tx", "tx-1")));
        Assert.Equal(1, row["evse_id"]);
        Assert.Equal(1, row["connector_id"]);
        Assert.Equal("CARD-1", row["id_token"]);
        Assert.Equal("ISO14443", row["id_token_type"]);
        Assert.Equal(T0, (DateTime)row["started_at"]!, TimeSpan.Zero);
        Assert.Equal(T0.AddMinutes(2), (DateTime)row["ended_at"]!, TimeSpan.Zero);
        Assert.Equal("EVDisconnected", row["stopped_reason"]);
        Assert.Equal("EVConnected", row["charging_state"]);
        Assert.Equal(1000m, row["energy_start_wh"]);
        Assert.Equal(2250m, row["energy_end_wh"]);
        Assert.Equal(2, row["last_seq_no"]);
        Assert.Equal(false, row["is_active"]);

        var events = await Sql.RowsAsync(db.ConnectionString,
            "SELECT seq_no, event_type, payload->'transactionInfo'->>'transactionId' AS tx FROM transaction_events WHERE transaction_pk = @pk ORDER BY seq_no",
            ("pk", row["id"]!));
        Assert.Equal(["Started", "Updated", "Ended"], events.Select(e => (string)e["event_type"]!));
        Assert.All(events, e => Assert.Equal("tx-1", e["tx"]));

        var meterValues = await Sql.RowsAsync(db.ConnectionString,
            "SELECT measurand, unit, value, seq_no, evse_id FROM meter_values WHERE transaction_pk = @pk ORDER BY seq_no, measurand", ("pk", row["id"]!));
        Assert.Equal(6, meterValues.Count);
        var power = meterValues.First(m => (string)m["measurand"]! == "Power.Active.Import");
        Assert.Equal(7200m, power["value"]);
        Assert.Equal("kW", power["unit"]);
        Assert.All(meterValues, m => Assert.Equal(1, m["evse_id"]));
    }

    [Fact]
    public async Task A_repeated_seqNo_is_answered_the_same_and_stored_once()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TX-DUP");

        await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-dup", 100m, ChargingState.Charging));
        var first = await station.CallAsync(Event(TransactionEventType.Updated, 1, "tx-dup", 200m, ChargingState.Charging, idToken: Token("DUP")));
        var again = await station.CallAsync(Event(TransactionEventType.Updated, 1, "tx-dup", 200m, ChargingState.Charging, idToken: Token("DUP")));

        Assert.Equal(first, again);
        var pk = await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT id FROM transactions WHERE station_id = 'TX-DUP'");
        Assert.Equal(2L, await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM transaction_events WHERE transaction_pk = @pk", ("pk", pk)));
        Assert.Equal(4L, await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM meter_values WHERE transaction_pk = @pk", ("pk", pk)));
    }

    [Fact]
    public async Task An_Updated_arriving_after_Ended_neither_reactivates_nor_overwrites_the_final_state()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TX-ORDER");

        await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-o", 10m, ChargingState.Charging));
        await station.CallAsync(Event(TransactionEventType.Ended, 3, "tx-o", 40m, ChargingState.Idle, StoppedReason.Local));
        await station.CallAsync(Event(TransactionEventType.Updated, 2, "tx-o", 30m, ChargingState.SuspendedEV));
        await station.CallAsync(Event(TransactionEventType.Updated, 4, "tx-o", 99m, ChargingState.Charging));

        var row = Assert.Single(await Sql.RowsAsync(db.ConnectionString, TransactionSql, ("station", "TX-ORDER"), ("tx", "tx-o")));
        Assert.Equal(false, row["is_active"]);
        Assert.Equal("Idle", row["charging_state"]);
        Assert.Equal("Local", row["stopped_reason"]);
        Assert.Equal(10m, row["energy_start_wh"]);
        Assert.Equal(40m, row["energy_end_wh"]);
        Assert.Equal(T0.AddMinutes(3), (DateTime)row["ended_at"]!, TimeSpan.Zero);
        Assert.Equal(4, row["last_seq_no"]);
        Assert.Equal(4L, await Sql.ScalarAsync<long>(db.ConnectionString,
            "SELECT count(*) FROM transaction_events WHERE transaction_pk = @pk", ("pk", row["id"]!)));
    }

    [Fact]
    public async Task An_older_Updated_arriving_late_does_not_overwrite_a_newer_state_and_an_earlier_reading_becomes_the_start()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TX-LATE");

        await station.CallAsync(Event(TransactionEventType.Updated, 2, "tx-l", 300m, ChargingState.SuspendedEV));
        await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-l", 100m, ChargingState.Charging, idToken: Token("LATE")));
        await station.CallAsync(Event(TransactionEventType.Updated, 1, "tx-l", 200m, ChargingState.Charging));

        var row = Assert.Single(await Sql.RowsAsync(db.ConnectionString, TransactionSql, ("station", "TX-LATE"), ("tx", "tx-l")));
        Assert.Equal(true, row["is_active"]);
        Assert.Equal("SuspendedEV", row["charging_state"]);
        Assert.Equal(100m, row["energy_start_wh"]);
        Assert.Equal(300m, row["energy_end_wh"]);
        Assert.Equal(T0, (DateTime)row["started_at"]!, TimeSpan.Zero);
        Assert.Equal("LATE", row["id_token"]);
    }

    [Fact]
    public async Task A_TransactionEvent_with_an_idToken_is_answered_with_its_idTokenInfo_and_one_without_is_not()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:UnknownIdTokenPolicy"] = "Reject" });
        await using var station = await csms.ConnectBootedAsync("TX-AUTH");

        var withToken = await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-a", idToken: Token("NOBODY")));
        var without = await station.CallAsync(Event(TransactionEventType.Updated, 1, "tx-a"));

        Assert.Equal(AuthorizationStatus.Unknown, withToken.IdTokenInfo?.Status);
        Assert.Null(without.IdTokenInfo);
    }
}
