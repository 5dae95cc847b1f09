using System.Text.Json;
using DrivePower.Csms.DataTransfer;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class StationMessageTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task MeterValues_are_stored_against_the_evse_and_the_transaction_active_on_it()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("MV-1");
        await station.CallAsync(Event(TransactionEventType.Started, 0, "tx-mv", evseId: 2));

        await station.CallAsync(new MeterValuesRequest { EvseId = 2, MeterValue = [Reading(T0.AddMinutes(5), 555m)] });
        await station.CallAsync(new MeterValuesRequest { EvseId = 0, MeterValue = [Reading(T0.AddMinutes(5), 99_000m)] });

        var rows = await Sql.RowsAsync(db.ConnectionString, """
            SELECT m.evse_id, m.value, m.seq_no, t.transaction_id FROM meter_values m LEFT JOIN transactions t ON t.id = m.transaction_pk
            WHERE m.station_id = 'MV-1' AND m.measurand = 'Energy.Active.Import.Register' ORDER BY m.evse_id
            """);
        Assert.Equal(2, rows.Count);
        Assert.Equal((0, 99_000m, null), ((int)rows[0]["evse_id"]!, (decimal)rows[0]["value"]!, rows[0]["transaction_id"]));
        Assert.Equal((2, 555m, "tx-mv"), ((int)rows[1]["evse_id"]!, (decimal)rows[1]["value"]!, rows[1]["transaction_id"]));
        Assert.All(rows, row => Assert.Null(row["seq_no"]));
    }

    [Fact]
    public async Task NotifyEvent_stores_one_row_per_eventData_and_SecurityEventNotification_one_with_its_type()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("EV-1");

        await station.CallAsync(new NotifyEventRequest
        {
            GeneratedAt = T0,
            SeqNo = 0,
            EventData =
            [
                EventData(1, EventTrigger.Alerting, "Faulted"),
                EventData(2, EventTrigger.Delta, "Available"),
            ],
        });
        await station.CallAsync(new SecurityEventNotificationRequest { Type = "FirmwareUpdated", Timestamp = T0, TechInfo = "v2" });

        var rows = await Sql.RowsAsync(db.ConnectionString,
            "SELECT kind, event_type, payload FROM station_events WHERE station_id = 'EV-1' ORDER BY id");
        Assert.Equal(3, rows.Count);
        Assert.Equal(("NotifyEvent", "Alerting"), ((string)rows[0]["kind"]!, (string)rows[0]["event_type"]!));
        Assert.Equal(("NotifyEvent", "Delta"), ((string)rows[1]["kind"]!, (string)rows[1]["event_type"]!));
        Assert.Equal(("SecurityEventNotification", "FirmwareUpdated"), ((string)rows[2]["kind"]!, (string)rows[2]["event_type"]!));
        using var first = JsonDocument.Parse((string)rows[0]["payload"]!);
        Assert.Equal("Faulted", first.RootElement.GetProperty("actualValue").GetString());
        using var security = JsonDocument.Parse((string)rows[2]["payload"]!);
        Assert.Equal("v2", security.RootElement.GetProperty("techInfo").GetString());
    }

    [Fact]
    public async Task Firmware_and_log_status_notifications_leave_the_latest_status_on_the_station_row()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("FW-1");

        await station.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Downloading, RequestId = 7 });
        await station.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installed, RequestId = 7 });
        await station.CallAsync(new LogStatusNotificationRequest { Status = UploadLogStatus.Uploaded, RequestId = 12 });

        var row = Assert.Single(await Sql.RowsAsync(db.ConnectionString, """
            SELECT firmware_status, firmware_status_request_id, firmware_status_at, log_status, log_status_request_id, log_status_at
            FROM stations WHERE id = 'FW-1'
            """));
        Assert.Equal("Installed", row["firmware_status"]);
        Assert.Equal(7, row["firmware_status_request_id"]);
        Assert.NotNull(row["firmware_status_at"]);
        Assert.Equal("Uploaded", row["log_status"]);
        Assert.Equal(12, row["log_status_request_id"]);
        Assert.NotNull(row["log_status_at"]);
    }

    [Fact]
    public async Task DataTransfer_is_UnknownVendorId_unless_a_vendor_handler_is_registered()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString,
            configure: services => services.AddDataTransferVendor<EchoVendor>());
        await using var station = await csms.ConnectBootedAsync("DT-1");

        var unknown = await station.CallAsync(new DataTransferRequest { VendorId = "com.example.unknown" });
        var echo = await station.CallAsync(new DataTransferRequest { VendorId = EchoVendor.Id, MessageId = "ping", Data = JsonSerializer.SerializeToElement("hello") });

        Assert.Equal(DataTransferStatus.UnknownVendorId, unknown.Status);
        Assert.Equal(DataTransferStatus.Accepted, echo.Status);
        Assert.Equal("hello", echo.Data?.GetString());
    }

    private static EventData EventData(int id, EventTrigger trigger, string value) => new()
    {
        EventId = id,
        Timestamp = T0,
        Trigger = trigger,
        ActualValue = value,
        Component = new Component { Name = "Connector", Evse = new Evse { Id = 1, ConnectorId = 1 } },
        Variable = new Variable { Name = "AvailabilityState" },
        EventNotificationType = EventNotificationType.HardWiredNotification,
    };

    private sealed class EchoVendor : IDataTransferVendorHandler
    {
        public const string Id = "org.drivepower.echo";

        public string VendorId => Id;

        public ValueTask<DataTransferResponse> HandleAsync(string stationId, DataTransferRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data });
    }
}
