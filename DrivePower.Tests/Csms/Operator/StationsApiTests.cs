using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class StationsApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_list_has_every_stored_station_with_connection_boot_data_and_connector_statuses()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using (var gone = await csms.ConnectBootedAsync("LIST-GONE"))
            await gone.ReportStatusAsync(1, 1, ConnectorStatus.Faulted);
        await using var station = await csms.ConnectBootedAsync("LIST-HERE");
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);
        await station.ReportStatusAsync(2, 1, ConnectorStatus.Occupied);
        await WaitUntilDisconnectedAsync(csms, "LIST-GONE");

        var stations = await csms.Http.GetJsonAsync("/api/stations");

        var here = stations.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "LIST-HERE");
        var gone2 = stations.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "LIST-GONE");
        Assert.True(here.GetProperty("connected").GetBoolean());
        Assert.False(gone2.GetProperty("connected").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, here.GetProperty("lastSeenAt").ValueKind);
        var boot = here.GetProperty("boot");
        Assert.Equal("DrivePower", boot.GetProperty("vendorName").GetString());
        Assert.Equal("DP-Test", boot.GetProperty("model").GetString());
        Assert.Equal("SN-LIST-HERE", boot.GetProperty("serialNumber").GetString());
        Assert.Equal("1.2.3", boot.GetProperty("firmwareVersion").GetString());
        Assert.Equal("PowerUp", boot.GetProperty("lastBootReason").GetString());
        Assert.Equal("Accepted", boot.GetProperty("registrationStatus").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, boot.GetProperty("firstBootAt").ValueKind);
        Assert.Equal(["1/1 Available", "2/1 Occupied"], here.GetProperty("connectors").EnumerateArray()
            .Select(c => $"{c.GetProperty("evseId").GetInt32()}/{c.GetProperty("connectorId").GetInt32()} {c.GetProperty("status").GetString()}"));
        Assert.Equal("Faulted", gone2.GetProperty("connectors")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_station_comes_in_full_with_statuses_events_device_model_and_active_transactions()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("FULL-1");
        await station.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installing, RequestId = 3 });
        await station.CallAsync(new LogStatusNotificationRequest { Status = UploadLogStatus.Uploading, RequestId = 4 });
        await station.CallAsync(new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = T0 });
        await station.CallAsync(new NotifyReportRequest
        {
            RequestId = 9, SeqNo = 0, GeneratedAt = T0,
            ReportData = [new ReportData
            {
                Component = new Component { Name = "OCPPCommCtrlr" },
                Variable = new Variable { Name = "HeartbeatInterval" },
                VariableAttribute = [new VariableAttribute { Value = "10" }],
            }],
        });
        await station.CallAsync(Event(TransactionEventType.Started, 0, "full-tx", 5m));
        await station.CallAsync(Event(TransactionEventType.Started, 0, "full-done", 5m, evseId: 2));
        await station.CallAsync(Event(TransactionEventType.Ended, 1, "full-done", 6m, evseId: 2));

        var full = await csms.Http.GetJsonAsync("/api/stations/FULL-1");

        Assert.True(full.GetProperty("connected").GetBoolean());
        Assert.Equal("Installing", full.GetProperty("firmware").GetProperty("status").GetString());
        Assert.Equal(3, full.GetProperty("firmware").GetProperty("requestId").GetInt32());
        Assert.Equal("Uploading", full.GetProperty("log").GetProperty("status").GetString());
        var securityEvent = Assert.Single(full.GetProperty("recentEvents").EnumerateArray());
        Assert.Equal("SecurityEventNotification", securityEvent.GetProperty("kind").GetString());
        Assert.Equal("StartupOfTheDevice", securityEvent.GetProperty("payload").GetProperty("type").GetString());
        var variable = Assert.Single(full.GetProperty("deviceModel").EnumerateArray());
        Assert.Equal(("OCPPCommCtrlr", "HeartbeatInterval", "10"),
            (variable.GetProperty("component").GetString(), variable.GetProperty("variable").GetString(), variable.GetProperty("value").GetString()));
        var active = Assert.Single(full.GetProperty("activeTransactions").EnumerateArray());
        Assert.Equal("full-tx", active.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task An_unknown_station_is_a_404_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync("/api/stations/NEVER-BOOTED");

        var problem = await response.ProblemAsync(404);
        Assert.Equal("Unknown station", problem.GetProperty("title").GetString());
    }

    private static async Task WaitUntilDisconnectedAsync(CsmsTestHost csms, string stationId)
    {
        var connections = (DrivePower.Csms.Stations.StationConnections)csms.Services.GetService(typeof(DrivePower.Csms.Stations.StationConnections))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (connections.IsConnected(stationId) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
    }
}
