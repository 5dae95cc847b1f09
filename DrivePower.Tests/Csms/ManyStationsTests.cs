using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms;

public sealed class ManyStationsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Five_hundred_stations_connect_boot_and_report_at_once_and_every_row_is_stored()
    {
        const int Stations = 500;
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);

        var stations = await Task.WhenAll(Enumerable.Range(1, Stations).Select(async i =>
        {
            var station = await csms.ConnectAsync($"CP-MANY-{i:000}");
            await station.BootAsync();
            await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);
            await station.CallAsync(new HeartbeatRequest());
            return station;
        })).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(Stations, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM stations WHERE id LIKE 'CP-MANY-%' AND registration_status = 'Accepted'"));
        Assert.Equal(Stations, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id LIKE 'CP-MANY-%' AND status = 'Available'"));
        Assert.Equal(Stations, csms.Get<DrivePower.Csms.Stations.StationConnections>().Count);
        await Task.WhenAll(stations.Select(station => station.DisposeAsync().AsTask()));
    }
}
