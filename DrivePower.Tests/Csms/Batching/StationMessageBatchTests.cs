using System.Text.Json;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Events = DrivePower.Csms.Data.StationEventStore.StationEvents;
using MeterValues = DrivePower.Csms.Data.MeterValueStore.MeterValuesMessage;
using Status = DrivePower.Csms.Data.StationStatusStore.StatusRecord;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>
/// MeterValues, station events (NotifyEvent, SecurityEventNotification) and firmware/log statuses
/// written in batches on a real PostgreSQL: every row once, each message whole, a refused value fails only its own call.
/// </summary>
public sealed class StationMessageBatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_batch_of_several_stations_meter_values_stores_every_value_once_against_each_ones_active_transaction()
    {
        await SeedStationsAsync("MV-A", "MV-B");
        await Db.ExecuteAsync(database.ConnectionString, """
            INSERT INTO transactions (station_id, transaction_id, evse_id, last_event_at, last_seq_no, is_active)
            VALUES ('MV-A', 'T-OLD', 1, now(), 0, false), ('MV-A', 'T-A', 1, now(), 0, true), ('MV-B', 'T-B', 2, now(), 0, true)
            """);
        await using var dataSource = database.CreateDataSource();
        await using var store = MeterValueStore(dataSource);

        await store.StoreBatchAsync(
        [
            Message("MV-A", 1, """{"value":1},{"value":2,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W","multiplier":3}}"""),
            Message("MV-B", 2, """{"value":3}"""),
            Message("MV-B", 9, """{"value":4}"""), // no transaction on EVSE 9
        ], CancellationToken.None);

        Assert.Equal(2L, await CountAsync("SELECT count(*) FROM meter_values m JOIN transactions t ON t.id = m.transaction_pk WHERE m.station_id = 'MV-A' AND t.transaction_id = 'T-A'"));
        Assert.Equal(2000m, await Sql.ScalarAsync<decimal>(database.ConnectionString,
            "SELECT value FROM meter_values WHERE station_id = 'MV-A' AND measurand = 'Power.Active.Import'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM meter_values m JOIN transactions t ON t.id = m.transaction_pk WHERE m.station_id = 'MV-B' AND t.transaction_id = 'T-B' AND m.value = 3"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id = 'MV-B' AND evse_id = 9 AND transaction_pk IS NULL"));
        Assert.Equal(4L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id IN ('MV-A', 'MV-B')"));
    }

    [Fact]
    public async Task A_meter_value_the_database_refuses_fails_only_its_own_message_and_the_rest_of_its_batch_is_stored()
    {
        var good = Enumerable.Range(1, 20).Select(i => $"MV-GOOD-{i:D2}").ToArray();
        await SeedStationsAsync([.. good, "MV-BAD"]);
        await using var dataSource = database.CreateDataSource();
        await using var store = MeterValueStore(dataSource);

        // Sent together, so that the bad message shares a batch with good ones; its first value is fine, its second is not.
        var stored = good.Select(id => store.RecordAsync(id, 1, Payload("""{"value":1},{"value":2}"""), T0, CancellationToken.None)).ToArray();
        var refused = store.RecordAsync("MV-BAD", 1, Payload("""{"value":1},{"value":2,"unitOfMeasure":{"unit":"k\u0000W"}}"""), T0, CancellationToken.None);

        await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<StorageRejectedValueException>(() => refused.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(40L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id LIKE 'MV-GOOD-%'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id = 'MV-BAD'"));
    }

    [Fact]
    public async Task One_batch_of_several_stations_events_stores_every_row_once_in_order()
    {
        await SeedStationsAsync("EV-A", "EV-B");
        await using var dataSource = database.CreateDataSource();
        await using var store = StationEventStore(dataSource);

        await store.StoreBatchAsync(
        [
            new Events("EV-A", [Row("NotifyEvent", "first"), Row("NotifyEvent", "second"), Row("NotifyEvent", "third")], T0),
            new Events("EV-B", [Row("SecurityEventNotification", "Tamper")], T0),
        ], CancellationToken.None);

        Assert.Equal("first,second,third", await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT string_agg(event_type, ',' ORDER BY id) FROM station_events WHERE station_id = 'EV-A'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM station_events WHERE station_id = 'EV-B' AND payload->>'type' = 'Tamper'"));
    }

    [Fact]
    public async Task An_event_the_database_refuses_fails_only_its_own_message_and_the_rest_of_its_batch_is_stored()
    {
        var good = Enumerable.Range(1, 20).Select(i => $"EV-GOOD-{i:D2}").ToArray();
        await SeedStationsAsync([.. good, "EV-BAD"]);
        await using var dataSource = database.CreateDataSource();
        await using var store = StationEventStore(dataSource);

        // A NotifyEvent of two eventData, the second with a NUL the jsonb column refuses: neither row is stored.
        var stored = good.Select(id => store.RecordAsync(id, [Row("NotifyEvent", "a"), Row("NotifyEvent", "b")], T0, CancellationToken.None)).ToArray();
        var refused = store.RecordAsync("EV-BAD",
            [Row("NotifyEvent", "a"), new StationEventRow("NotifyEvent", "b", T0, """{"type":"b\u0000"}""")], T0, CancellationToken.None);

        await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<StorageRejectedValueException>(() => refused.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(40L, await CountAsync("SELECT count(*) FROM station_events WHERE station_id LIKE 'EV-GOOD-%'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM station_events WHERE station_id = 'EV-BAD'"));
    }

    [Fact]
    public async Task One_batch_of_firmware_and_log_statuses_keeps_the_latest_per_station()
    {
        await SeedStationsAsync("FW-A", "FW-B");
        await using var dataSource = database.CreateDataSource();
        await using var store = StationStatusStore(dataSource);

        await store.StoreFirmwareAsync(
        [
            new Status("FW-A", "Installed", 7, T0.AddSeconds(2)),
            new Status("FW-A", "Downloading", 7, T0),
            new Status("FW-B", "Downloaded", null, T0),
            new Status("FW-NEVER-BOOTED", "Downloaded", 1, T0),
        ], CancellationToken.None);
        await store.StoreLogAsync([new Status("FW-A", "Uploading", 3, T0), new Status("FW-A", "Uploaded", 3, T0)], CancellationToken.None);

        Assert.Equal("Installed", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT firmware_status FROM stations WHERE id = 'FW-A'"));
        Assert.Equal(7, await Sql.ScalarAsync<int>(database.ConnectionString, "SELECT firmware_status_request_id FROM stations WHERE id = 'FW-A'"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM stations WHERE id = 'FW-B' AND firmware_status = 'Downloaded' AND firmware_status_request_id IS NULL"));
        Assert.Equal("Uploaded", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT log_status FROM stations WHERE id = 'FW-A'"));
    }

    [Fact]
    public async Task Concurrent_statuses_events_and_meter_values_of_many_stations_are_all_stored_once()
    {
        var ids = Enumerable.Range(1, 50).Select(i => $"MANY-{i:D2}").ToArray();
        await SeedStationsAsync(ids);
        await using var dataSource = database.CreateDataSource();
        await using var statuses = StationStatusStore(dataSource);
        await using var events = StationEventStore(dataSource);
        await using var meterValues = MeterValueStore(dataSource);

        await Task.WhenAll(ids.SelectMany(id => new[]
        {
            statuses.RecordFirmwareStatusAsync(id, "Downloading", 1, T0, CancellationToken.None),
            statuses.RecordLogStatusAsync(id, "Uploading", 2, T0, CancellationToken.None),
            events.RecordAsync(id, [Row("NotifyEvent", "x"), Row("NotifyEvent", "y")], T0, CancellationToken.None),
            meterValues.RecordAsync(id, 1, Payload("""{"value":1}"""), T0, CancellationToken.None),
        })).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(50L, await CountAsync("SELECT count(*) FROM stations WHERE id LIKE 'MANY-%' AND firmware_status = 'Downloading' AND log_status = 'Uploading'"));
        Assert.Equal(100L, await CountAsync("SELECT count(*) FROM station_events WHERE station_id LIKE 'MANY-%'"));
        Assert.Equal(50L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id LIKE 'MANY-%'"));
    }

    private static JsonElement Payload(string sampledValues) =>
        JsonDocument.Parse($$"""{"evseId":1,"meterValue":[{"timestamp":"2026-12-02T12:00:00Z","sampledValue":[{{sampledValues}}]}]}""").RootElement;

    private static MeterValues Message(string stationId, int evseId, string sampledValues) =>
        new(stationId, evseId, MeterValueRows.From(Payload(sampledValues)), T0);

    private static StationEventRow Row(string kind, string type) => new(kind, type, T0, $$"""{"type":"{{type}}"}""");

    private static MeterValueStore MeterValueStore(Npgsql.NpgsqlDataSource dataSource) =>
        new(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance), Options(), NullLogger<MeterValueStore>.Instance);

    private static StationEventStore StationEventStore(Npgsql.NpgsqlDataSource dataSource) =>
        new(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance), Options(), NullLogger<StationEventStore>.Instance);

    private static StationStatusStore StationStatusStore(Npgsql.NpgsqlDataSource dataSource) =>
        new(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance), Options(), NullLogger<StationStatusStore>.Instance);

    private static IOptions<WriteBatchingOptions> Options() => Microsoft.Extensions.Options.Options.Create(new WriteBatchingOptions { Writers = 1 });

    private Task<long> CountAsync(string sql) => Sql.ScalarAsync<long>(database.ConnectionString, sql);

    private async Task SeedStationsAsync(params string[] ids)
    {
        foreach (var id in ids)
            await Db.ExecuteAsync(database.ConnectionString,
                "INSERT INTO stations (id, created_at, updated_at) VALUES (@id, now(), now()) ON CONFLICT DO NOTHING", ("id", id));
    }
}
