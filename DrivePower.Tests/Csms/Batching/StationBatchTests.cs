using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Boot = DrivePower.Csms.Data.StationStore.BootRecord;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>Boots and heartbeats written in batches on a real PostgreSQL.</summary>
public sealed class StationBatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_boots_of_one_station_in_one_batch_keep_the_newer_and_other_stations_are_stored_beside_it()
    {
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));

        await store.StoreBootsAsync(
        [
            new Boot("BOOT-TWICE", "V", "newer", null, "2.0", null, null, "PowerUp", "Accepted", T0.AddSeconds(1)),
            new Boot("BOOT-TWICE", "V", "older", "S-1", "1.0", null, null, "PowerUp", "Accepted", T0),
            new Boot("BOOT-OTHER", "V", "other", null, null, "8931", "2620", "Watchdog", "Accepted", T0),
        ], CancellationToken.None);

        Assert.Equal("newer", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT model FROM stations WHERE id = 'BOOT-TWICE'"));
        Assert.Equal("Watchdog", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT last_boot_reason FROM stations WHERE id = 'BOOT-OTHER'"));
        Assert.Equal("2620", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT modem_imsi FROM stations WHERE id = 'BOOT-OTHER'"));
    }

    [Fact]
    public async Task Concurrent_boots_and_heartbeats_of_many_stations_are_all_stored()
    {
        var ids = Enumerable.Range(1, 50).Select(i => $"BOOT-MANY-{i:D2}").ToArray();
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));

        await Task.WhenAll(ids.Select(id => store.RecordBootAsync(id, new BootNotificationRequest
        {
            Reason = BootReason.PowerUp,
            ChargingStation = new ChargingStation { Model = "M", VendorName = "V" },
        }, RegistrationStatus.Accepted, T0, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(ids.Select(id => store.RecordHeartbeatAsync(id, T0.AddMinutes(1), CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(50L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM stations WHERE id LIKE 'BOOT-MANY-%' AND registration_status = 'Accepted' AND last_seen_at = @seen",
            ("seen", T0.AddMinutes(1))));
    }

    [Fact]
    public async Task Two_marks_of_one_station_in_one_batch_keep_the_latest_whatever_their_order()
    {
        await using var dataSource = database.CreateDataSource();
        await using var store = Store(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));
        await store.StoreBootsAsync([new Boot("SEEN-TWICE", "V", "M", null, null, null, null, "PowerUp", "Accepted", T0)], CancellationToken.None);

        await store.TouchManyAsync([("SEEN-TWICE", T0.AddMinutes(2)), ("SEEN-TWICE", T0.AddMinutes(1))], CancellationToken.None);

        Assert.True(await Sql.ScalarAsync<bool>(database.ConnectionString, "SELECT last_seen_at = @at FROM stations WHERE id = 'SEEN-TWICE'", ("at", T0.AddMinutes(2))));
    }

    private static StationStore Store(SqlRunner runner) =>
        new(runner, Options.Create(new WriteBatchingOptions { Writers = 1 }), NullLogger<StationStore>.Instance);
}
