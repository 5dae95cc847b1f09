using System.Diagnostics;
using DrivePower.Csms.Journal;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Csms.Journal;

public sealed class JournalUnderPressureTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task With_the_writer_stuck_a_full_queue_drops_and_counts_frames_and_the_station_is_answered_as_fast_as_ever()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:Journal:QueueCapacity"] = "4" });
        await using var station = await csms.ConnectBootedAsync("JR-FULL");
        await csms.EntriesAsync("stationId=JR-FULL", atLeast: 2);
        var journal = csms.Get<MessageJournal>();

        // The writer's COPY waits behind this lock for as long as the test holds it.
        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("LOCK TABLE ocpp_journal IN ACCESS EXCLUSIVE MODE", connection, transaction))
                await command.ExecuteNonQueryAsync();

            var elapsed = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
                await station.CallAsync(new HeartbeatRequest()).WaitAsync(TimeSpan.FromSeconds(5));
            elapsed.Stop();

            Assert.True(journal.Dropped > 0, "nothing was dropped");
            Assert.InRange(journal.Queued, 1, 4);
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"20 heartbeats took {elapsed.Elapsed}");
            await transaction.RollbackAsync();
        }

        // Once the table is free again, what the queue held is written and the journal goes on.
        await Sql.EventuallyAsync(() => Task.FromResult(journal.Queued == 0));
        var dropped = journal.Dropped;
        await station.CallAsync(new HeartbeatRequest());
        var entries = await csms.EntriesAsync("stationId=JR-FULL", atLeast: 2 + 4 + 2);
        Assert.InRange(entries.Count, 8, 2 + 40 + 2 - (int)dropped);
        Assert.Equal(dropped, journal.Dropped);
    }

    [Fact]
    public async Task Rows_older_than_the_retention_are_purged_and_newer_ones_kept()
    {
        const string Insert = """
            INSERT INTO ocpp_journal (station_id, direction, frame_type, message_id, action, payload, at)
            VALUES (@station, 'StationToCsms', 'CALL', 'm1', 'Heartbeat', '{}', now() - make_interval(mins => @minutes))
            """;
        await Db.ExecuteAsync(db.ConnectionString, Insert, ("station", "JR-OLD"), ("minutes", 180));
        await Db.ExecuteAsync(db.ConnectionString, Insert, ("station", "JR-RECENT"), ("minutes", 10));

        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:Journal:RetentionHours"] = "1" });

        await Sql.EventuallyAsync(async () =>
            await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM ocpp_journal WHERE station_id = 'JR-OLD'") == 0);
        Assert.Equal(1, await Sql.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM ocpp_journal WHERE station_id = 'JR-RECENT'"));
    }
}
