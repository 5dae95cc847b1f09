using System.Text;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>Connect, boot, report, heartbeat, reconnect: the life of a station's connection.</summary>
public class StationConnectionTests
{
    [Fact]
    public async Task A_station_boots_with_PowerUp_then_reports_every_connector_Available_and_sends_heartbeats()
    {
        await using var csms = await TestCsms.StartAsync();
        csms.BootAnswer = (_, _) => TestCsms.Boot(RegistrationStatus.Accepted, 1);
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-BOOT"), ("EVSE_COUNT", "2"), ("CONNECTORS_PER_EVSE", "2"),
            ("VENDOR_NAME", "Acme"), ("MODEL", "A1"), ("SERIAL_NUMBER", "SN-7"), ("FIRMWARE_VERSION", "9.9"));

        var boot = await csms.WaitForAsync<BootNotificationRequest>("CP-BOOT");
        Assert.Equal(BootReason.PowerUp, boot.Reason);
        Assert.Equal(new ChargingStation { VendorName = "Acme", Model = "A1", SerialNumber = "SN-7", FirmwareVersion = "9.9" }, boot.ChargingStation);

        await TestCsms.WaitUntilAsync(() => csms.Received<StatusNotificationRequest>("CP-BOOT").Count >= 4, "four connectors are reported");
        var statuses = csms.Received<StatusNotificationRequest>("CP-BOOT");
        Assert.Equal(["1/1", "1/2", "2/1", "2/2"], statuses.Select(s => $"{s.EvseId}/{s.ConnectorId}").Order());
        Assert.All(statuses, status => Assert.Equal(ConnectorStatus.Available, status.ConnectorStatus));

        await csms.WaitForAsync<HeartbeatRequest>("CP-BOOT", timeout: TimeSpan.FromSeconds(3));
        Assert.Equal("BootNotification", csms.All("CP-BOOT")[0].Action);
    }

    [Fact]
    public async Task A_pending_station_retries_boot_after_the_interval_and_sends_nothing_else_until_accepted()
    {
        await using var csms = await TestCsms.StartAsync();
        csms.BootAnswer = (_, count) => TestCsms.Boot(count == 1 ? RegistrationStatus.Pending : RegistrationStatus.Accepted, 1);
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-PENDING"));

        await csms.WaitForAsync<StatusNotificationRequest>("CP-PENDING");
        var messages = csms.All("CP-PENDING");
        Assert.Equal(["BootNotification", "BootNotification", "StatusNotification"], messages.Take(3).Select(m => m.Action));
        Assert.InRange(messages[1].At - messages[0].At, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_station_reconnects_with_back_off_after_a_drop_then_boots_and_reports_its_connectors_again()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-DROP"));
        await csms.WaitForAsync<StatusNotificationRequest>("CP-DROP");

        await csms.DropAsync("CP-DROP");

        await csms.WaitForAsync<StatusNotificationRequest>("CP-DROP", skip: 1);
        Assert.Equal(2, csms.ConnectCount("CP-DROP"));
        Assert.Equal(2, csms.Received<BootNotificationRequest>("CP-DROP").Count);
    }

    [Fact]
    public async Task A_station_keeps_retrying_while_the_csms_is_down_and_boots_once_it_is_up()
    {
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://127.0.0.1:{port}/ocpp",
            ["STATION_ID"] = "CP-AWAY",
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.3",
        };
        using var emulator = EmulatorHost.Build(settings);
        await emulator.StartAsync();
        await Task.Delay(700); // several failed attempts

        await using var csms = await TestCsms.StartAsync(port);

        await csms.WaitForAsync<BootNotificationRequest>("CP-AWAY");
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_csms_that_picks_no_ocpp_subprotocol_gets_no_boot_and_the_station_retries()
    {
        await using var csms = await TestCsms.StartAsync();
        csms.Subprotocol = null;
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-NOPROTO"));

        await TestCsms.WaitUntilAsync(() => csms.ConnectCount("CP-NOPROTO") >= 2, "the station tried twice");
        Assert.Empty(csms.All("CP-NOPROTO"));
    }

    [Fact]
    public async Task The_station_id_is_percent_encoded_in_the_url_and_the_password_goes_as_basic_auth()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP 7"), ("CSMS_PASSWORD", "0123456789abcdef"));

        await csms.WaitForAsync<BootNotificationRequest>("CP 7");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP 7:0123456789abcdef"));
        Assert.Equal(expected, csms.AuthorizationHeaders["CP 7"]);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
