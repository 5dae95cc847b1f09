using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Migrations;

/// <summary>What the schema itself guarantees to the CSMS, on a migrated database of this class's own.</summary>
public sealed class SchemaConstraintTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string InsertStation = "INSERT INTO stations (id) VALUES (@station)";

    private const string InsertTransaction = """
        INSERT INTO transactions (station_id, transaction_id, last_event_at, last_seq_no)
        VALUES (@station, @transaction, now(), 0)
        RETURNING id
        """;

    private const string InsertTransactionEvent = """
        INSERT INTO transaction_events (transaction_pk, seq_no, event_type, trigger_reason, timestamp, payload)
        VALUES (@pk, @seq, 'Started', 'Authorized', now(), '{}'::jsonb)
        """;

    private const string InsertVariable = """
        INSERT INTO device_model_variables (station_id, component_name, variable_name, value)
        VALUES (@station, 'OCPPCommCtrlr', 'HeartbeatInterval', '300')
        """;

    private readonly NpgsqlDataSource _dataSource = db.CreateDataSource();
    private readonly string _station = $"CS-{Guid.NewGuid():N}"[..20];

    public Task InitializeAsync() => ExecuteAsync(InsertStation);

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task A_repeated_seq_no_of_a_transaction_is_rejected()
    {
        var pk = await ScalarAsync<long>(InsertTransaction, ("transaction", "tx-1"));
        await ExecuteAsync(InsertTransactionEvent, ("pk", pk), ("seq", 0));

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(InsertTransactionEvent, ("pk", pk), ("seq", 0)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("uq_transaction_events_seq_no", error.ConstraintName);
    }

    [Fact]
    public async Task A_transaction_id_is_unique_per_station_only()
    {
        const string otherStation = """
            WITH other AS (INSERT INTO stations (id) VALUES (@station || '-b') RETURNING id)
            INSERT INTO transactions (station_id, transaction_id, last_event_at, last_seq_no)
            SELECT id, @transaction, now(), 0 FROM other
            """;
        await ScalarAsync<long>(InsertTransaction, ("transaction", "shared-id"));
        await ExecuteAsync(otherStation, ("transaction", "shared-id"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>(InsertTransaction, ("transaction", "shared-id")));

        Assert.Equal("uq_transactions_station_transaction", error.ConstraintName);
    }

    [Fact]
    public async Task A_variable_without_instance_or_evse_has_one_row_per_station()
    {
        await ExecuteAsync(InsertVariable);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(InsertVariable));

        Assert.Equal("pk_device_model_variables", error.ConstraintName);
    }

    [Fact]
    public async Task Deleting_a_station_deletes_everything_it_reported()
    {
        var pk = await ScalarAsync<long>(InsertTransaction, ("transaction", "tx-cascade"));
        await ExecuteAsync(InsertTransactionEvent, ("pk", pk), ("seq", 0));
        await ExecuteAsync(InsertVariable);

        await ExecuteAsync("DELETE FROM stations WHERE id = @station");

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM transactions WHERE station_id = @station"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM transaction_events WHERE transaction_pk = @pk", ("pk", pk)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM device_model_variables WHERE station_id = @station"));
    }

    [Fact]
    public async Task Created_at_is_the_current_instant_whatever_the_session_time_zone()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SET TIME ZONE 'America/New_York';
            INSERT INTO stations (id) VALUES (@station || '-tz') RETURNING created_at;
            """, connection);
        command.Parameters.AddWithValue("station", _station);

        var createdAt = (DateTime)(await command.ExecuteScalarAsync())!;

        Assert.InRange(createdAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("station", _station);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
