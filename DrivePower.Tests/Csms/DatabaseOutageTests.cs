using System.Net;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms;

/// <summary>The database stops under connected stations and comes back; this class runs its own server.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _connectionString = null!;
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartThrowawayAsync();
        _connectionString = await _server.CreateMigratedDatabaseAsync("outage");
        _csms = await CsmsTestHost.StartAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _csms.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Calls_fail_with_InternalError_while_the_database_is_down_and_nothing_acknowledged_is_lost()
    {
        await using var station = await _csms.ConnectAsync("CP-OUTAGE");
        await station.BootAsync();
        var acknowledged = new List<DateTimeOffset>();
        var t0 = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        async Task<bool> ReportAsync(int minute)
        {
            var status = minute % 2 == 0 ? ConnectorStatus.Available : ConnectorStatus.Occupied;
            try
            {
                await station.ReportStatusAsync(1, 1, status, t0.AddMinutes(minute));
                acknowledged.Add(t0.AddMinutes(minute));
                return true;
            }
            catch (OcppCallErrorException error)
            {
                Assert.Equal("InternalError", error.ErrorCode);
                return false;
            }
        }

        Assert.True(await ReportAsync(1));
        await _server.StopAsync();

        Assert.False(await ReportAsync(2));
        var heartbeat = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.CallAsync(new HeartbeatRequest()));
        Assert.Equal("InternalError", heartbeat.ErrorCode);
        Assert.True(station.Connection.IsOpen);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _csms.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _csms.Http.GetAsync("/alive")).StatusCode);

        await _server.StartAsync();
        await Sql.EventuallyAsync(async () => (await _csms.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        for (var minute = 3; minute <= 6; minute++)
            Assert.True(await ReportAsync(minute));
        await station.CallAsync(new HeartbeatRequest());

        var stored = await Sql.RowsAsync(_connectionString,
            "SELECT status_timestamp FROM station_connector_status_history WHERE station_id = 'CP-OUTAGE' ORDER BY status_timestamp");
        Assert.Equal(acknowledged.Select(at => at.UtcDateTime), stored.Select(row => (DateTime)row["status_timestamp"]!));
        Assert.Equal(t0.AddMinutes(6).UtcDateTime, await Sql.ScalarAsync<DateTime>(_connectionString,
            "SELECT status_timestamp FROM station_connector_statuses WHERE station_id = 'CP-OUTAGE'"));
    }
}
