using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DrivePower.Tests.Csms;

/// <summary>What SqlRunner retries, and what it calls an outage.</summary>
public sealed class SqlRunnerTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string InsertEvent = """
        INSERT INTO station_events (station_id, kind, event_type, timestamp, payload, stored_at)
        VALUES ('SQL-RUNNER', 'Test', @type, now(), '{}', now())
        """;

    [Fact]
    public async Task A_transient_failure_after_the_commit_does_not_run_a_once_operation_again()
    {
        await using var dataSource = database.CreateDataSource();
        var runner = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);
        await SeedStationAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => runner.RunAsync<int>("store a test event", "once", SqlRetry.Once, async (connection, ct) =>
        {
            attempts++;
            await InsertAsync(connection, "once", ct);
            throw BrokenAfterCommit();
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(1L, await CountAsync("once"));
    }

    [Fact]
    public async Task An_idempotent_operation_is_run_again_once_after_a_transient_failure()
    {
        await using var dataSource = database.CreateDataSource();
        var runner = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);
        var attempts = 0;

        var result = await runner.RunAsync("read something", "retry", SqlRetry.Idempotent, (_, _) =>
            ++attempts == 1 ? throw BrokenAfterCommit() : Task.FromResult(42), CancellationToken.None);

        Assert.Equal((42, 2), (result, attempts));
    }

    [Fact]
    public async Task An_InvalidOperationException_is_a_bug_not_an_unavailable_database()
    {
        await using var dataSource = database.CreateDataSource();
        var runner = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);

        var thrown = await Record.ExceptionAsync(() => runner.RunAsync<int>("read something", "bug", SqlRetry.Idempotent, (_, _) =>
            throw new InvalidOperationException("a reader used after it was closed"), CancellationToken.None));

        Assert.IsType<InvalidOperationException>(thrown);
    }

    [Fact]
    public async Task A_connection_cut_after_the_commit_leaves_one_row_per_plain_insert_and_an_idempotent_write_is_retried()
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new ConnectionCuttingProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Pooling = true };
        await using var dataSource = NpgsqlDataSource.Create(viaProxy.ConnectionString);
        var runner = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);
        await using var events = new StationEventStore(runner, Options.Create(new WriteBatchingOptions()), NullLogger<StationEventStore>.Instance);
        await using var statuses = new ConnectorStatusStore(runner, Options.Create(new WriteBatchingOptions()), NullLogger<ConnectorStatusStore>.Instance);
        await using var stations = new StationStore(runner, Options.Create(new WriteBatchingOptions()), NullLogger<StationStore>.Instance);
        await SeedStationAsync();
        await stations.TouchAsync("SQL-RUNNER", DateTimeOffset.UtcNow, CancellationToken.None); // a pooled connection through the proxy

        // Each write runs once before its cut: the statement is then prepared on the connection, and the
        // next answer is its commit's, not the answer to preparing it.
        await RecordEventAsync(events, "warm");
        proxy.CutAfterNextAnswer();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => RecordEventAsync(events, "cut"));
        await stations.TouchAsync("SQL-RUNNER", DateTimeOffset.UtcNow, CancellationToken.None); // a fresh pooled connection again
        await RecordStatusAsync(statuses);
        proxy.CutAfterNextAnswer();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => RecordStatusAsync(statuses));
        await stations.TouchAsync("SQL-RUNNER", DateTimeOffset.UtcNow, CancellationToken.None);
        proxy.CutAfterNextAnswer();
        Assert.True(await stations.TouchAsync("SQL-RUNNER", DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Equal(1L, await CountAsync("cut"));
        Assert.Equal(2L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_status_history WHERE station_id = 'SQL-RUNNER'"));
    }

    private static Task RecordEventAsync(StationEventStore events, string type) =>
        events.RecordAsync("SQL-RUNNER", [new StationEventRow("Test", type, DateTimeOffset.UtcNow, "{}")], DateTimeOffset.UtcNow, CancellationToken.None);

    private static Task RecordStatusAsync(ConnectorStatusStore statuses) => statuses.RecordAsync("SQL-RUNNER", new DrivePower.Ocpp.Messages.StatusNotificationRequest
    {
        Timestamp = DateTimeOffset.UtcNow, ConnectorStatus = DrivePower.Ocpp.Messages.ConnectorStatus.Available, EvseId = 1, ConnectorId = 1,
    }, DateTimeOffset.UtcNow, CancellationToken.None);

    private static NpgsqlException BrokenAfterCommit() => new("the connection broke before the answer came", new IOException("connection reset"));

    private static async Task InsertAsync(NpgsqlConnection connection, string type, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertEvent, connection);
        command.Parameters.AddWithValue("type", type);
        await command.ExecuteNonQueryAsync(ct);
    }

    private Task SeedStationAsync() => Db.ExecuteAsync(database.ConnectionString,
        "INSERT INTO stations (id, created_at, updated_at) VALUES ('SQL-RUNNER', now(), now()) ON CONFLICT DO NOTHING");

    private Task<long> CountAsync(string type) => Sql.ScalarAsync<long>(database.ConnectionString,
        "SELECT count(*) FROM station_events WHERE station_id = 'SQL-RUNNER' AND event_type = @type", ("type", type));
}
