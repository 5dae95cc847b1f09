using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Csms.Stations;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DrivePower.Tests.Csms.Stations;

/// <summary>The coalesced last-seen marks: a flush the database cannot take keeps them for the next one.</summary>
public sealed class LastSeenTrackerTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_mark_whose_flush_found_the_database_away_is_written_by_the_next_flush_once_it_is_back()
    {
        await Db.ExecuteAsync(database.ConnectionString,
            "INSERT INTO stations (id, created_at, updated_at) VALUES ('LAST-SEEN-KEPT', now(), now()) ON CONFLICT DO NOTHING");
        var port = LoopbackPort.Free(); // nothing listens there yet: the database is "away"
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var away = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = port, Pooling = false, Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(away.ConnectionString);
        await using var stations = new StationStore(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance),
            Options.Create(new WriteBatchingOptions()), NullLogger<StationStore>.Instance);
        var clock = new SetClock { Now = new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero) };
        var tracker = new LastSeenTracker(stations, Options.Create(new CsmsOptions()), clock, NullLogger<LastSeenTracker>.Instance);

        tracker.Mark("LAST-SEEN-KEPT");
        await tracker.FlushAsync(CancellationToken.None);
        await using var back = new ConnectionCuttingProxy(target.Host!, target.Port, listenPort: port);
        await tracker.FlushAsync(CancellationToken.None);

        Assert.Equal(clock.Now.UtcDateTime, await Sql.ScalarAsync<DateTime>(database.ConnectionString,
            "SELECT last_seen_at FROM stations WHERE id = 'LAST-SEEN-KEPT'"));
    }

    private sealed class SetClock : TimeProvider
    {
        public DateTimeOffset Now { get; init; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
