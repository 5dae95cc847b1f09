using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>A remote start and stop as a real station does them: the token authorized first when asked, the EV leaving a while after the stop.</summary>
public class RemoteStartRealismTests
{
    private static readonly IdToken Token = new() { Token = "REMOTE-AUTH-1", Type = IdTokenType.Central };

    private static Task<SetVariablesResponse> AuthorizeRemoteStartAsync(BootedStation station) =>
        station.SendAsync(new SetVariablesRequest
        {
            SetVariableData = [new SetVariableData { Component = new Component { Name = "AuthCtrlr" }, Variable = new Variable { Name = "AuthorizeRemoteStart" }, AttributeValue = "true" }],
        });

    [Fact]
    public async Task With_AuthorizeRemoteStart_a_remote_start_sends_Authorize_before_Started()
    {
        await using var station = await BootedStation.StartAsync("CP-RS-AUTH");
        Assert.Equal(SetVariableStatus.Accepted, (await AuthorizeRemoteStartAsync(station)).SetVariableResult[0].AttributeStatus);

        var answer = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 3, EvseId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        Assert.Equal(RequestStartStopStatus.Accepted, answer.Status);
        var order = station.Csms.All(station.Id).Select(m => m.Action).Where(a => a is "Authorize" or "TransactionEvent").ToList();
        Assert.Equal("Authorize", order[0]);
        Assert.Equal("REMOTE-AUTH-1", station.Received<AuthorizeRequest>().Single().IdToken.Token);
    }

    [Fact]
    public async Task With_AuthorizeRemoteStart_a_token_the_CSMS_refuses_starts_no_transaction()
    {
        await using var station = await BootedStation.StartAsync("CP-RS-REFUSED");
        await AuthorizeRemoteStartAsync(station);
        station.Csms.AuthorizeStatus = AuthorizationStatus.Blocked;

        var answer = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 4, EvseId = 1 });
        await station.WaitForAsync<AuthorizeRequest>();
        await Task.Delay(500);
        var status = await station.SendAsync(new GetTransactionStatusRequest());

        Assert.Equal(RequestStartStopStatus.Accepted, answer.Status);
        Assert.Empty(station.Received<TransactionEventRequest>());
        Assert.DoesNotContain(station.Received<StatusNotificationRequest>(), s => s.ConnectorStatus == ConnectorStatus.Occupied);
        Assert.False(status.MessagesInQueue);
    }

    [Fact]
    public async Task Without_AuthorizeRemoteStart_no_Authorize_is_sent_for_a_remote_start()
    {
        await using var station = await BootedStation.StartAsync("CP-RS-DIRECT");

        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 5, EvseId = 1 });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        Assert.Empty(station.Received<AuthorizeRequest>());
    }

    [Fact]
    public async Task After_a_remote_stop_the_EV_stays_plugged_in_for_a_while_before_the_connector_is_Available()
    {
        await using var station = await BootedStation.StartAsync("CP-RS-DEPART");
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 6, EvseId = 1 });
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);

        await station.SendAsync(new RequestStopTransactionRequest { TransactionId = started.TransactionInfo.TransactionId });
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        var endedAt = DateTimeOffset.UtcNow;
        await TestCsms.WaitUntilAsync(() => station.Received<StatusNotificationRequest>()[^1].ConnectorStatus == ConnectorStatus.Available, "Available once the EV left");
        var available = station.Received<StatusNotificationRequest>()[^1];

        Assert.Equal(ChargingState.EVConnected, ended.TransactionInfo.ChargingState);
        Assert.True(available.Timestamp - endedAt >= TimeSpan.FromSeconds(1.5), $"the EV left {(available.Timestamp - endedAt).TotalSeconds:0.00} s after Ended");
    }
}
