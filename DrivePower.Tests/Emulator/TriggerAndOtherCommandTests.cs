using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>TriggerMessage, and the commands the station answers without doing much.</summary>
public class TriggerAndOtherCommandTests
{
    private static TriggerMessageRequest Trigger(MessageTrigger message, Evse? evse = null) => new() { RequestedMessage = message, Evse = evse };

    [Fact]
    public async Task TriggerMessage_is_accepted_for_heartbeat_status_and_meter_values_and_each_is_sent_after_the_answer()
    {
        await using var station = await BootedStation.StartAsync("CP-TRIGGER", ("EVSE_COUNT", "2"));

        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(Trigger(MessageTrigger.Heartbeat))).Status);
        await station.WaitForAsync<HeartbeatRequest>();

        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(Trigger(MessageTrigger.StatusNotification, new Evse { Id = 2, ConnectorId = 1 }))).Status);
        var status = await station.WaitForAsync<StatusNotificationRequest>(skip: 2);
        Assert.Equal((2, 1, ConnectorStatus.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));

        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(Trigger(MessageTrigger.MeterValues, new Evse { Id = 1 }))).Status);
        var meter = await station.WaitForAsync<MeterValuesRequest>();
        Assert.Equal(1, meter.EvseId);
        Assert.Equal(ReadingContext.Trigger, meter.MeterValue[0].SampledValue[0].Context);
    }

    [Fact]
    public async Task TriggerMessage_BootNotification_is_rejected_once_accepted_and_unsupported_messages_are_NotImplemented()
    {
        await using var station = await BootedStation.StartAsync("CP-TRIGGER2");

        Assert.Equal(TriggerMessageStatus.Rejected, (await station.SendAsync(Trigger(MessageTrigger.BootNotification))).Status);
        Assert.Equal(TriggerMessageStatus.NotImplemented, (await station.SendAsync(Trigger(MessageTrigger.SignChargingStationCertificate))).Status);
        Assert.Equal(TriggerMessageStatus.Rejected, (await station.SendAsync(Trigger(MessageTrigger.StatusNotification, new Evse { Id = 4 }))).Status);
    }

    [Fact]
    public async Task TriggerMessage_LogStatusNotification_reports_Idle_without_a_requestId_when_no_upload_runs()
    {
        await using var station = await BootedStation.StartAsync("CP-TRIGGER-LOG");

        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(Trigger(MessageTrigger.LogStatusNotification))).Status);
        var status = await station.WaitForAsync<LogStatusNotificationRequest>();
        Assert.Equal((UploadLogStatus.Idle, (int?)null), (status.Status, status.RequestId));
    }

    [Fact]
    public async Task While_Pending_the_station_answers_commands_and_a_triggered_BootNotification_goes_at_once()
    {
        await using var csms = await TestCsms.StartAsync();
        csms.BootAnswer = (_, count) => TestCsms.Boot(count == 1 ? RegistrationStatus.Pending : RegistrationStatus.Accepted, 30);
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "CP-PENDING-TRIGGER"));
        await csms.WaitForAsync<BootNotificationRequest>("CP-PENDING-TRIGGER");

        var variables = await csms.SendAsync("CP-PENDING-TRIGGER", new GetVariablesRequest
        {
            GetVariableData = [new GetVariableData { Component = new Component { Name = "ChargingStation" }, Variable = new Variable { Name = "VendorName" } }],
        });
        var trigger = await csms.SendAsync("CP-PENDING-TRIGGER", Trigger(MessageTrigger.BootNotification));

        Assert.Equal("DrivePower", variables.GetVariableResult[0].AttributeValue);
        Assert.Equal(TriggerMessageStatus.Accepted, trigger.Status);
        var second = await csms.WaitForAsync<BootNotificationRequest>("CP-PENDING-TRIGGER", skip: 1, timeout: TimeSpan.FromSeconds(3));
        Assert.Equal(BootReason.Triggered, second.Reason);
        await csms.WaitForAsync<StatusNotificationRequest>("CP-PENDING-TRIGGER");
    }

    [Fact]
    public async Task ClearCache_is_accepted_DataTransfer_knows_no_vendor_and_GetTransactionStatus_has_no_queue()
    {
        await using var station = await BootedStation.StartAsync("CP-MISC");

        Assert.Equal(ClearCacheStatus.Accepted, (await station.SendAsync(new ClearCacheRequest())).Status);
        Assert.Equal(DataTransferStatus.UnknownVendorId, (await station.SendAsync(new DataTransferRequest { VendorId = "com.example" })).Status);
        var status = await station.SendAsync(new GetTransactionStatusRequest());
        Assert.Null(status.OngoingIndicator);
        Assert.False(status.MessagesInQueue);
    }

    [Fact]
    public async Task GetBaseReport_is_accepted_then_the_device_model_follows_in_NotifyReport_parts_with_the_request_id()
    {
        await using var station = await BootedStation.StartAsync("CP-REPORT", ("EVSE_COUNT", "2"));

        var full = await station.SendAsync(new GetBaseReportRequest { RequestId = 7, ReportBase = ReportBase.FullInventory });
        var report = await station.WaitForAsync<NotifyReportRequest>(part => part.RequestId == 7 && part.Tbc != true);
        var configuration = await station.SendAsync(new GetBaseReportRequest { RequestId = 8, ReportBase = ReportBase.ConfigurationInventory });
        var writable = await station.WaitForAsync<NotifyReportRequest>(part => part.RequestId == 8);

        Assert.Equal(GenericDeviceModelStatus.Accepted, full.Status);
        var parts = station.Received<NotifyReportRequest>().Where(part => part.RequestId == 7).OrderBy(part => part.SeqNo).ToList();
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(part => part.SeqNo));
        var rows = parts.SelectMany(part => part.ReportData!).ToList();
        Assert.Contains(rows, row => row is { Component.Name: "OCPPCommCtrlr", Variable.Name: "HeartbeatInterval" }
            && row.VariableAttribute[0].Mutability == Mutability.ReadWrite);
        Assert.Contains(rows, row => row is { Component.Name: "ChargingStation", Variable.Name: "Model" }
            && row.VariableAttribute[0] is { Value: "DP-Emulator", Mutability: Mutability.ReadOnly });
        Assert.Equal(4, rows.Count(row => row.Component.Name == "EVSE")); // AvailabilityState and Power of each
        Assert.Contains(rows, row => row is { Component.Name: "EVSE", Variable.Name: "Power", VariableCharacteristics: { Unit: "W", SupportsMonitoring: true } });
        Assert.Contains(rows, row => row is { Component.Name: "MonitoringCtrlr", Variable: { Name: "ItemsPerMessage", Instance: "ClearVariableMonitoring" } });
        Assert.NotNull(report);
        Assert.Equal(GenericDeviceModelStatus.Accepted, configuration.Status);
        Assert.All(writable.ReportData!, row => Assert.Equal(Mutability.ReadWrite, row.VariableAttribute[0].Mutability));
    }
}
