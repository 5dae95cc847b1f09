using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>The CSMS keeps to a bounded share of PostgreSQL's connections, so other clients get one under load.</summary>
public sealed class DatabasePoolTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public void The_pool_is_bounded_by_the_setting_unless_the_connection_string_sets_its_own()
    {
        var options = new DatabasePoolOptions { MaxPoolSize = 7 };

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(options.Bound("Host=db;Database=csmsdb")).MaxPoolSize);
        Assert.Equal(50, new NpgsqlConnectionStringBuilder(options.Bound("Host=db;Database=csmsdb;Maximum Pool Size=50")).MaxPoolSize);
    }

    [Fact]
    public async Task Under_a_boot_storm_the_CSMS_holds_no_more_connections_than_its_pool_allows_and_another_client_still_queries()
    {
        const int PoolSize = 4;
        var tagged = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "csms-pool-test" }.ConnectionString;
        await using var csms = await CsmsTestHost.StartAsync(tagged, new Dictionary<string, string?> { ["Csms:Database:MaxPoolSize"] = $"{PoolSize}" });

        var most = 0L;
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                most = Math.Max(most, await Sql.ScalarAsync<long>(database.ConnectionString,
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'csms-pool-test'"));
                await Task.Delay(20);
            }
        });

        var stations = await Task.WhenAll(Enumerable.Range(1, 100).Select(async i =>
        {
            var station = await csms.ConnectAsync($"CP-POOL-{i:000}");
            await station.BootAsync();
            await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);
            return station;
        })).WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await sampling;

        Assert.InRange(most, 1, PoolSize);
        Assert.Equal(100L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id LIKE 'CP-POOL-%'"));
        await Task.WhenAll(stations.Select(station => station.DisposeAsync().AsTask()));
    }
}
