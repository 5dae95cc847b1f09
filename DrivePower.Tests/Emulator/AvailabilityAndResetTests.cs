using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>ChangeAvailability, UnlockConnector and Reset, with the messages each one brings.</summary>
public class AvailabilityAndResetTests
{
    private static readonly IdToken Token = new() { Token = "REMOTE-2", Type = IdTokenType.Central };

    [Fact]
    public async Task ChangeAvailability_Inoperative_reports_Unavailable_and_refuses_remote_starts_until_Operative_again()
    {
        await using var station = await BootedStation.StartAsync("CP-AVAIL", ("EVSE_COUNT", "2"));

        var answer = await station.SendAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatus.Inoperative, Evse = new Evse { Id = 2 } });

        Assert.Equal(ChangeAvailabilityStatus.Accepted, answer.Status);
        var unavailable = await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Unavailable);
        Assert.Equal(2, unavailable.EvseId);
        var start = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 2 });
        Assert.Equal(RequestStartStopStatus.Rejected, start.Status);

        await station.SendAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatus.Operative });
        await station.WaitForAsync<StatusNotificationRequest>(s => s.EvseId == 2 && s.ConnectorStatus == ConnectorStatus.Available, skip: 2);
        var unknown = await station.SendAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatus.Inoperative, Evse = new Evse { Id = 5 } });
        Assert.Equal(ChangeAvailabilityStatus.Rejected, unknown.Status);
    }

    [Fact]
    public async Task ChangeAvailability_during_a_transaction_is_Scheduled_and_applies_when_it_ends()
    {
        await using var station = await BootedStation.StartAsync("CP-SCHED");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        var answer = await station.SendAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatus.Inoperative });
        Assert.Equal(ChangeAvailabilityStatus.Scheduled, answer.Status);
        await Task.Delay(200);
        Assert.DoesNotContain(station.Received<StatusNotificationRequest>(), s => s.ConnectorStatus == ConnectorStatus.Unavailable);

        await station.SendAsync(new RequestStopTransactionRequest { TransactionId = started.TransactionInfo.TransactionId });
        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Unavailable);
    }

    [Fact]
    public async Task UnlockConnector_unlocks_an_idle_connector_refuses_during_a_transaction_and_names_unknown_connectors()
    {
        await using var station = await BootedStation.StartAsync("CP-UNLOCK");

        var idle = await station.SendAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 1 });
        var unknown = await station.SendAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 3 });
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1 });
        var charging = await station.SendAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 1 });

        Assert.Equal(UnlockStatus.Unlocked, idle.Status);
        Assert.Equal(UnlockStatus.UnknownConnector, unknown.Status);
        Assert.Equal(UnlockStatus.OngoingAuthorizedTransaction, charging.Status);
    }

    [Fact]
    public async Task Reset_ends_transactions_with_ImmediateReset_then_the_station_reconnects_and_boots_with_RemoteReset()
    {
        await using var station = await BootedStation.StartAsync("CP-RESET");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        var answer = await station.SendAsync(new ResetRequest { Type = ResetType.Immediate });

        Assert.Equal(ResetStatus.Accepted, answer.Status);
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        Assert.Equal(StoppedReason.ImmediateReset, ended.TransactionInfo.StoppedReason);
        Assert.Equal(TriggerReason.ResetCommand, ended.TriggerReason);
        var reboot = await station.WaitForAsync<BootNotificationRequest>(skip: 1);
        Assert.Equal(BootReason.RemoteReset, reboot.Reason);
        Assert.Equal(2, station.Csms.ConnectCount(station.Id));
        var messages = station.Csms.All(station.Id).Select(m => m.Action).ToList();
        var lastBoot = messages.LastIndexOf("BootNotification");
        await station.WaitForAsync<StatusNotificationRequest>(skip: messages.Take(lastBoot).Count(a => a == "StatusNotification"));
    }

    [Fact]
    public async Task Reset_OnIdle_during_a_transaction_is_Scheduled_and_happens_when_the_transaction_ends()
    {
        await using var station = await BootedStation.StartAsync("CP-ONIDLE");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        var answer = await station.SendAsync(new ResetRequest { Type = ResetType.OnIdle });
        Assert.Equal(ResetStatus.Scheduled, answer.Status);
        await station.SendAsync(new RequestStopTransactionRequest { TransactionId = started.TransactionInfo.TransactionId });

        var reboot = await station.WaitForAsync<BootNotificationRequest>(skip: 1);
        Assert.Equal(BootReason.RemoteReset, reboot.Reason);
        var ended = Assert.Single(station.Received<TransactionEventRequest>(), e => e.EventType == TransactionEventType.Ended);
        Assert.Equal(StoppedReason.Remote, ended.TransactionInfo.StoppedReason);
    }
}
