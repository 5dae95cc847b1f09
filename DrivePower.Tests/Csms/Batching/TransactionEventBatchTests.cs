using System.Text.Json;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>
/// TransactionEvents of many stations written in batches on a real PostgreSQL: fewer commits than
/// events, every event's effects stored whole, a refused value fails only its own event, the
/// statements prepared once per connection.
/// </summary>
public sealed class TransactionEventBatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_events_of_many_stations_share_batches_and_each_gets_its_own_outcome()
    {
        var ids = Enumerable.Range(1, 60).Select(i => $"TXB-MANY-{i:D2}").ToArray();
        await SeedStationsAsync(ids);
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(dataSource);

        var outcomes = await Task.WhenAll(ids.Select((id, i) =>
            store.RecordEventAsync(id, Started($"T-{id}", i + 1), Payload($"T-{id}", i + 1, """{"value":100}"""), T0, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(store.Batches < ids.Length, $"{ids.Length} events took {store.Batches} batches");
        Assert.All(outcomes, outcome => Assert.False(outcome.Duplicate));
        Assert.Equal(ids.Length, outcomes.Select(outcome => outcome.Id).Distinct().Count());
        Assert.Equal(ids.Select((_, i) => (int?)(i + 1)), outcomes.Select(outcome => outcome.EvseId));
        Assert.Equal(60L, await CountAsync("SELECT count(*) FROM transaction_events e JOIN transactions t ON t.id = e.transaction_pk WHERE t.station_id LIKE 'TXB-MANY-%'"));
        Assert.Equal(60L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id LIKE 'TXB-MANY-%' AND transaction_pk IS NOT NULL"));
    }

    [Fact]
    public async Task An_event_the_database_refuses_fails_alone_and_stores_nothing_while_its_batch_is_stored()
    {
        var good = Enumerable.Range(1, 20).Select(i => $"TXB-GOOD-{i:D2}").ToArray();
        await SeedStationsAsync([.. good, "TXB-BAD"]);
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(dataSource);

        // The bad event's transaction row and event row would be fine; its meter value's unit is not (NUL).
        var stored = good.Select(id => store.RecordEventAsync(id, Started("T-1", 1), Payload("T-1", 1, """{"value":1}"""), T0, CancellationToken.None)).ToArray();
        var refused = store.RecordEventAsync("TXB-BAD", Started("T-1", 1),
            Payload("T-1", 1, """{"value":1,"unitOfMeasure":{"unit":"k\u0000Wh"}}"""), T0, CancellationToken.None);

        await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<StorageRejectedValueException>(() => refused.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(20L, await CountAsync("SELECT count(*) FROM transaction_events e JOIN transactions t ON t.id = e.transaction_pk WHERE t.station_id LIKE 'TXB-GOOD-%'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM transactions WHERE station_id = 'TXB-BAD'"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id = 'TXB-BAD'"));
    }

    [Fact]
    public async Task A_repeated_event_in_a_later_batch_is_a_duplicate_that_changes_nothing()
    {
        await SeedStationsAsync("TXB-DUP");
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(dataSource);

        var first = await store.RecordEventAsync("TXB-DUP", Started("T-D", 1), Payload("T-D", 1, """{"value":5}"""), T0, CancellationToken.None);
        var again = await store.RecordEventAsync("TXB-DUP", Started("T-D", 1), Payload("T-D", 1, """{"value":5}"""), T0, CancellationToken.None);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM meter_values WHERE station_id = 'TXB-DUP'"));
    }

    [Fact]
    public async Task Event_and_status_writes_run_as_statements_prepared_on_their_connection()
    {
        await SeedStationsAsync("TXB-PREP");
        // One connection: the statements the stores prepared are then on the session this test looks at.
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(
            new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        var sql = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);
        await using (var statuses = new ConnectorStatusStore(sql, Options.Create(new WriteBatchingOptions { Writers = 1 }), NullLogger<ConnectorStatusStore>.Instance))
        {
            await statuses.RecordAsync("TXB-PREP", new StatusNotificationRequest
            {
                EvseId = 1, ConnectorId = 1, ConnectorStatus = ConnectorStatus.Occupied, Timestamp = T0,
            }, T0, CancellationToken.None);
        }

        await using (var store = Store(dataSource))
            await store.RecordEventAsync("TXB-PREP", Started("T-P", 1), Payload("T-P", 1, """{"value":7}"""), T0, CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT statement FROM pg_prepared_statements", connection);
        var prepared = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                prepared.Add(reader.GetString(0));
        }

        Assert.Contains(prepared, statement => statement.Contains("INSERT INTO station_connector_status_history", StringComparison.Ordinal));
        Assert.Contains(prepared, statement => statement.Contains("INSERT INTO transaction_events", StringComparison.Ordinal));
        Assert.Contains(prepared, statement => statement.Contains("INSERT INTO meter_values", StringComparison.Ordinal));
    }

    private static TransactionEventRequest Started(string transactionId, int evseId) => new()
    {
        EventType = TransactionEventType.Started,
        Timestamp = T0,
        TriggerReason = TriggerReason.CablePluggedIn,
        SeqNo = 0,
        TransactionInfo = new Transaction { TransactionId = transactionId },
        Evse = new Evse { Id = evseId, ConnectorId = 1 },
    };

    private static JsonElement Payload(string transactionId, int evseId, string sampledValue) => JsonDocument.Parse($$"""
        {"eventType":"Started","timestamp":"2026-12-02T12:00:00Z","triggerReason":"CablePluggedIn","seqNo":0,
         "transactionInfo":{"transactionId":"{{transactionId}}"},"evse":{"id":{{evseId}},"connectorId":1},
         "meterValue":[{"timestamp":"2026-12-02T12:00:00Z","sampledValue":[{{sampledValue}}]}]}
        """).RootElement;

    private static TransactionStore Store(Npgsql.NpgsqlDataSource dataSource) =>
        new(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance), Options.Create(new WriteBatchingOptions { Writers = 1 }),
            NullLogger<TransactionStore>.Instance);

    private Task<long> CountAsync(string sql) => Sql.ScalarAsync<long>(database.ConnectionString, sql);

    private async Task SeedStationsAsync(params string[] ids)
    {
        foreach (var id in ids)
            await Db.ExecuteAsync(database.ConnectionString,
                "INSERT INTO stations (id, created_at, updated_at) VALUES (@id, now(), now()) ON CONFLICT DO NOTHING", ("id", id));
    }
}
