using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>Remote start and stop, and what the station reports about the transaction in between.</summary>
public class TransactionCommandTests
{
    private static readonly IdToken Token = new() { Token = "REMOTE-1", Type = IdTokenType.Central };

    private static decimal Energy(TransactionEventRequest e) =>
        e.MeterValue!.Single().SampledValue.Single(v => v.Measurand == Measurand.EnergyActiveImportRegister).Value;

    [Fact]
    public async Task RequestStartTransaction_is_accepted_then_Started_and_Updated_events_carry_growing_energy_and_gap_free_seqNo()
    {
        await using var station = await BootedStation.StartAsync("CP-START", ("CHARGING_POWER_W", "360000"));

        var answer = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 42, EvseId = 1 });
        Assert.Equal(RequestStartStopStatus.Accepted, answer.Status);

        await TestCsms.WaitUntilAsync(() => station.Received<TransactionEventRequest>().Count >= 5, "five transaction events");
        var events = station.Received<TransactionEventRequest>();
        var started = events[0];
        Assert.Equal(TransactionEventType.Started, started.EventType);
        Assert.Equal(TriggerReason.RemoteStart, started.TriggerReason);
        Assert.Equal(42, started.TransactionInfo.RemoteStartId);
        Assert.Equal("REMOTE-1", started.IdToken?.Token);
        Assert.Equal(new Evse { Id = 1, ConnectorId = 1 }, started.Evse);
        Assert.Equal(ReadingContext.TransactionBegin, started.MeterValue![0].SampledValue[0].Context);
        Assert.InRange(started.TransactionInfo.TransactionId.Length, 1, 36);

        Assert.Equal([0, 1, 2, 3, 4], events.Take(5).Select(e => e.SeqNo));
        Assert.All(events.Skip(1), e => Assert.Equal(TransactionEventType.Updated, e.EventType));
        Assert.All(events, e => Assert.Equal(started.TransactionInfo.TransactionId, e.TransactionInfo.TransactionId));
        Assert.Equal(TriggerReason.ChargingStateChanged, events[1].TriggerReason);
        Assert.Equal(ChargingState.Charging, events[1].TransactionInfo.ChargingState);
        Assert.Equal(TriggerReason.MeterValuePeriodic, events[2].TriggerReason);
        var energies = events.Take(5).Select(Energy).ToList();
        Assert.Equal(energies.Order(), energies);
        Assert.True(energies[^1] > energies[0], $"energy should grow: {string.Join(", ", energies)}");
        var sample = events[3].MeterValue![0].SampledValue;
        Assert.Equal([Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport, Measurand.CurrentImport, Measurand.Voltage], sample.Select(v => v.Measurand!.Value));
        Assert.All(sample, v => Assert.Equal(ReadingContext.SamplePeriodic, v.Context));

        var occupied = await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Occupied);
        Assert.Equal(1, occupied.EvseId);
    }

    [Fact]
    public async Task A_second_RequestStartTransaction_on_a_busy_evse_is_rejected()
    {
        await using var station = await BootedStation.StartAsync("CP-BUSY");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });

        var second = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 2, EvseId = 1 });
        var unknownEvse = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 3, EvseId = 9 });

        Assert.Equal(RequestStartStopStatus.Rejected, second.Status);
        Assert.Equal(RequestStartStopStatus.Rejected, unknownEvse.Status);
    }

    [Fact]
    public async Task RequestStopTransaction_ends_a_running_transaction_with_Remote_and_rejects_an_unknown_one()
    {
        await using var station = await BootedStation.StartAsync("CP-STOP");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 7 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);
        var id = started.TransactionInfo.TransactionId;

        var unknown = await station.SendAsync(new RequestStopTransactionRequest { TransactionId = "no-such-transaction" });
        var status = await station.SendAsync(new GetTransactionStatusRequest { TransactionId = id });
        var stop = await station.SendAsync(new RequestStopTransactionRequest { TransactionId = id });

        Assert.Equal(RequestStartStopStatus.Rejected, unknown.Status);
        Assert.True(status.OngoingIndicator);
        Assert.Equal(RequestStartStopStatus.Accepted, stop.Status);
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        Assert.Equal(id, ended.TransactionInfo.TransactionId);
        Assert.Equal(StoppedReason.Remote, ended.TransactionInfo.StoppedReason);
        Assert.Equal(TriggerReason.RemoteStop, ended.TriggerReason);
        Assert.Equal(ReadingContext.TransactionEnd, ended.MeterValue![0].SampledValue[0].Context);
        var seqNos = station.Received<TransactionEventRequest>().Select(e => e.SeqNo).ToList();
        Assert.Equal(Enumerable.Range(0, seqNos.Count), seqNos);

        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Available, skip: 1);
        var after = await station.SendAsync(new GetTransactionStatusRequest { TransactionId = id });
        Assert.False(after.OngoingIndicator);
        Assert.False(after.MessagesInQueue);
    }

    [Fact]
    public async Task Transaction_events_made_while_offline_are_sent_after_the_next_boot_flagged_offline_and_in_seqNo_order()
    {
        await using var station = await BootedStation.StartAsync("CP-OFFLINE");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 9 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.SeqNo == 2);

        station.Csms.RefuseConnections = true;
        await station.Csms.DropAsync(station.Id);
        await Task.Delay(1000); // several meter intervals without a connection
        station.Csms.RefuseConnections = false;

        await station.WaitForAsync<TransactionEventRequest>(e => e.Offline == true);
        await station.WaitForAsync<BootNotificationRequest>(skip: 1);
        var afterBoot = station.Csms.All(station.Id).SkipWhile(m => m.Action != "BootNotification").Skip(1).SkipWhile(m => m.Action != "BootNotification");
        Assert.Contains(afterBoot, m => m.Request is TransactionEventRequest { Offline: true });
        await TestCsms.WaitUntilAsync(() => station.Received<TransactionEventRequest>().Any(e => e.Offline is null && e.SeqNo > 3), "online events again");
        var seqNos = station.Received<TransactionEventRequest>().Select(e => e.SeqNo).ToList();
        Assert.Equal(Enumerable.Range(0, seqNos.Count), seqNos);
    }
}
