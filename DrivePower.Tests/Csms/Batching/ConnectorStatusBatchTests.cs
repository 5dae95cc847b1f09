using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Report = DrivePower.Csms.Data.ConnectorStatusStore.StatusReport;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>Connector statuses written in batches on a real PostgreSQL: every report in the history, the newest as current.</summary>
public sealed class ConnectorStatusBatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_batch_stores_every_report_in_the_history_and_the_newest_per_connector_as_current()
    {
        await SeedStationsAsync("BATCH-A", "BATCH-B");
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));

        // Two reports for one connector in one batch, the newer one first (reports may arrive late).
        await store.StoreBatchAsync(
        [
            new Report("BATCH-A", 1, 1, "Occupied", T0.AddSeconds(2), T0),
            new Report("BATCH-A", 1, 1, "Available", T0.AddSeconds(1), T0),
            new Report("BATCH-B", 1, 1, "Faulted", T0, T0),
        ], CancellationToken.None);

        Assert.Equal(3L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_status_history WHERE station_id LIKE 'BATCH-%'"));
        Assert.Equal("Occupied", await CurrentStatusAsync("BATCH-A"));
        Assert.Equal("Faulted", await CurrentStatusAsync("BATCH-B"));
    }

    [Fact]
    public async Task Concurrent_reports_of_many_stations_are_all_stored_once()
    {
        var stations = Enumerable.Range(1, 60).Select(i => $"BATCH-MANY-{i:D2}").ToArray();
        await SeedStationsAsync(stations);
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));

        await Task.WhenAll(stations.Select(id => store.RecordAsync(id, new DrivePower.Ocpp.Messages.StatusNotificationRequest
        {
            Timestamp = T0, ConnectorStatus = DrivePower.Ocpp.Messages.ConnectorStatus.Available, EvseId = 1, ConnectorId = 1,
        }, T0, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(60L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_status_history WHERE station_id LIKE 'BATCH-MANY-%'"));
        Assert.Equal(60L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id LIKE 'BATCH-MANY-%'"));
    }

    [Fact]
    public async Task A_report_for_an_unknown_station_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var known = Enumerable.Range(1, 20).Select(i => $"BATCH-KNOWN-{i:D2}").ToArray();
        await SeedStationsAsync(known);
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));

        // Sent together, so that the unknown station's report shares a batch with known ones.
        var stored = known.Select(id => store.RecordAsync(id, Status(), T0, CancellationToken.None)).ToArray();
        var refused = store.RecordAsync("BATCH-NEVER-BOOTED", Status(), T0, CancellationToken.None);

        await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(30));
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => refused.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("fk_station_connector_statuses_station", conflict.Constraint);
        Assert.Equal(20L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_status_history WHERE station_id LIKE 'BATCH-KNOWN-%'"));
        // The history has no foreign key of its own: the current row's, in the same statement, keeps it clean.
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_status_history WHERE station_id = 'BATCH-NEVER-BOOTED'"));
    }

    private static DrivePower.Ocpp.Messages.StatusNotificationRequest Status() => new()
    {
        Timestamp = T0, ConnectorStatus = DrivePower.Ocpp.Messages.ConnectorStatus.Available, EvseId = 1, ConnectorId = 1,
    };

    private static ConnectorStatusStore Store(SqlRunner runner) =>
        new(runner, Options.Create(new WriteBatchingOptions { Writers = 1 }), NullLogger<ConnectorStatusStore>.Instance);

    private Task<string?> CurrentStatusAsync(string stationId) => Sql.ScalarAsync<string?>(database.ConnectionString,
        "SELECT status FROM station_connector_statuses WHERE station_id = @id AND evse_id = 1 AND connector_id = 1", ("id", stationId));

    private async Task SeedStationsAsync(params string[] ids)
    {
        foreach (var id in ids)
            await Db.ExecuteAsync(database.ConnectionString,
                "INSERT INTO stations (id, created_at, updated_at) VALUES (@id, now(), now()) ON CONFLICT DO NOTHING", ("id", id));
    }
}
