using DrivePower.Csms.Events;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms;

public sealed class StationLifecycleTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["Csms:HeartbeatIntervalSeconds"] = "42" });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task BootNotification_is_accepted_with_the_configured_interval_and_stores_the_station()
    {
        await using var station = await _csms.ConnectAsync("CP-BOOT-1");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await station.BootAsync(model: "DP-22", vendor: "Acme");

        Assert.Equal(RegistrationStatus.Accepted, response.Status);
        Assert.Equal(42, response.Interval);
        Assert.InRange(response.CurrentTime, before, DateTimeOffset.UtcNow.AddSeconds(1));
        var row = Assert.Single(await Sql.RowsAsync(database.ConnectionString, "SELECT * FROM stations WHERE id = @id", ("id", "CP-BOOT-1")));
        Assert.Equal("Acme", row["vendor_name"]);
        Assert.Equal("DP-22", row["model"]);
        Assert.Equal("SN-CP-BOOT-1", row["serial_number"]);
        Assert.Equal("1.2.3", row["firmware_version"]);
        Assert.Equal("8931000000000000001", row["modem_iccid"]);
        Assert.Equal("204040000000001", row["modem_imsi"]);
        Assert.Equal("PowerUp", row["last_boot_reason"]);
        Assert.Equal("Accepted", row["registration_status"]);
        Assert.NotNull(row["first_boot_at"]);
        Assert.NotNull(row["last_seen_at"]);
    }

    [Fact]
    public async Task A_second_boot_updates_the_station_but_keeps_its_first_boot_time()
    {
        await using var station = await _csms.ConnectAsync("CP-BOOT-2");
        await station.BootAsync(model: "Old");
        var first = await Sql.ScalarAsync<DateTime>(database.ConnectionString, "SELECT first_boot_at FROM stations WHERE id = 'CP-BOOT-2'");

        await station.BootAsync(model: "New");

        var row = Assert.Single(await Sql.RowsAsync(database.ConnectionString, "SELECT * FROM stations WHERE id = 'CP-BOOT-2'"));
        Assert.Equal("New", row["model"]);
        Assert.Equal(first, row["first_boot_at"]);
        Assert.True((DateTime)row["last_boot_at"]! >= first);
    }

    [Fact]
    public async Task Heartbeat_answers_the_time_updates_last_seen_and_keeps_the_connection_open()
    {
        await using var station = await _csms.ConnectAsync("CP-HB");
        await station.BootAsync();
        await Sql.ScalarAsync<int>(database.ConnectionString, "UPDATE stations SET last_seen_at = '2000-01-01' WHERE id = 'CP-HB' RETURNING 1");

        var first = await station.CallAsync(new HeartbeatRequest());
        var lastSeen = await Sql.ScalarAsync<DateTime>(database.ConnectionString, "SELECT last_seen_at FROM stations WHERE id = 'CP-HB'");
        var second = await station.CallAsync(new HeartbeatRequest());

        Assert.True(lastSeen > new DateTime(2020, 1, 1));
        Assert.True(second.CurrentTime >= first.CurrentTime);
        Assert.True(station.Connection.IsOpen);
    }

    [Fact]
    public async Task Any_message_counts_as_a_sign_of_life_written_in_the_background()
    {
        await using var station = await _csms.ConnectAsync("CP-ALIVE");
        await station.BootAsync();
        await Sql.ScalarAsync<int>(database.ConnectionString, "UPDATE stations SET last_seen_at = '2000-01-01' WHERE id = 'CP-ALIVE' RETURNING 1");

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);

        await Sql.EventuallyAsync(async () =>
            await Sql.ScalarAsync<DateTime>(database.ConnectionString, "SELECT last_seen_at FROM stations WHERE id = 'CP-ALIVE'") > new DateTime(2020, 1, 1));
    }

    [Fact]
    public async Task StatusNotification_stores_the_current_status_every_report_in_the_history_and_tells_subscribers()
    {
        await using var station = await _csms.ConnectAsync("CP-STATUS");
        await station.BootAsync();
        var hub = _csms.Get<StationEventHub>();
        var subscribersBefore = hub.SubscriberCount;
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = Task.Run(async () =>
        {
            await foreach (var stationEvent in hub.SubscribeAsync(listening.Token))
            {
                if (stationEvent is StatusEvent { StationId: "CP-STATUS", Status: "Occupied" } status)
                    return status;
            }

            return null;
        });
        await Sql.EventuallyAsync(() => Task.FromResult(hub.SubscriberCount > subscribersBefore));
        var t0 = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available, t0);
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available, t0.AddMinutes(1));
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied, t0.AddMinutes(2));
        await station.ReportStatusAsync(2, 1, ConnectorStatus.Faulted, t0);

        var current = await Sql.RowsAsync(database.ConnectionString,
            "SELECT evse_id, status, status_timestamp FROM station_connector_statuses WHERE station_id = 'CP-STATUS' ORDER BY evse_id");
        Assert.Equal(["Occupied", "Faulted"], current.Select(row => row["status"]));
        Assert.Equal(t0.AddMinutes(2).UtcDateTime, current[0]["status_timestamp"]);
        var history = await Sql.RowsAsync(database.ConnectionString,
            "SELECT status FROM station_connector_status_history WHERE station_id = 'CP-STATUS' AND evse_id = 1 ORDER BY id");
        Assert.Equal(["Available", "Available", "Occupied"], history.Select(row => row["status"]));
        var statusEvent = await received;
        Assert.NotNull(statusEvent);
        Assert.Equal(1, statusEvent.EvseId);
        Assert.Contains(_csms.Get<ConnectorStatusRegistry>().ForStation("CP-STATUS"), state => state is { EvseId: 1, Status: "Occupied" });
    }

    [Fact]
    public async Task An_older_status_report_does_not_overwrite_a_newer_one()
    {
        await using var station = await _csms.ConnectAsync("CP-ORDER");
        await station.BootAsync();
        var t0 = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied, t0.AddMinutes(5));
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available, t0);

        Assert.Equal("Occupied", await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT status FROM station_connector_statuses WHERE station_id = 'CP-ORDER'"));
    }

    [Fact]
    public async Task Before_an_accepted_boot_every_other_call_gets_SecurityError()
    {
        await using var station = await _csms.ConnectAsync("CP-NOBOOT");

        var heartbeat = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.CallAsync(new HeartbeatRequest()));
        var status = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.ReportStatusAsync(1, 1, ConnectorStatus.Available));
        await station.BootAsync();
        await station.CallAsync(new HeartbeatRequest());

        Assert.Equal("SecurityError", heartbeat.ErrorCode);
        Assert.Equal("SecurityError", status.ErrorCode);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'CP-NOBOOT'"));
    }

    [Fact]
    public async Task An_accepted_station_that_reconnects_need_not_boot_again()
    {
        await using (var first = await _csms.ConnectAsync("CP-RECONNECT"))
            await first.BootAsync();

        await using var second = await _csms.ConnectAsync("CP-RECONNECT");

        await second.CallAsync(new HeartbeatRequest());
    }

    [Fact]
    public async Task A_second_connection_with_the_same_id_replaces_the_first()
    {
        var first = await _csms.ConnectAsync("CP-TWICE");
        await first.BootAsync();

        await using var second = await _csms.ConnectAsync("CP-TWICE");
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await second.CallAsync(new HeartbeatRequest());

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, first.Socket.CloseStatus);
        Assert.NotNull(_csms.Get<StationConnections>().Find("CP-TWICE"));
        await first.DisposeAsync();
        await Task.Delay(200);
        Assert.True(_csms.Get<StationConnections>().IsConnected("CP-TWICE"));
    }
}
