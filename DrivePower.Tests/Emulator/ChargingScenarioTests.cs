using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>SCENARIO=charging: plug in, authorize, charge, stop, unplug, pause, again.</summary>
public class ChargingScenarioTests
{
    private static readonly (string, string)[] Fast =
    [
        ("SCENARIO", "charging"), ("SCENARIO_CHARGE_SECONDS", "0.7"), ("SCENARIO_PAUSE_SECONDS", "0.2"),
        ("SCENARIO_RANDOMNESS", "0"), ("METER_INTERVAL_SECONDS", "0.15"), ("ID_TOKEN", "SCENARIO-TOKEN"),
    ];

    [Fact]
    public async Task Each_session_plugs_in_authorizes_charges_stops_and_unplugs_and_sessions_repeat()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var emulator = await EmulatorHost.StartAsync(csms, [("STATION_ID", "CP-SCENARIO"), .. Fast]);

        await TestCsms.WaitUntilAsync(
            () => csms.Received<TransactionEventRequest>("CP-SCENARIO").Count(e => e.EventType == TransactionEventType.Ended) >= 2,
            "two sessions ended", TimeSpan.FromSeconds(15));

        var sessions = csms.Received<TransactionEventRequest>("CP-SCENARIO").GroupBy(e => e.TransactionInfo.TransactionId).Take(2).ToList();
        Assert.Equal(2, sessions.Count);
        foreach (var events in sessions.Select(session => session.ToList()))
        {
            Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.SeqNo));
            var started = events[0];
            Assert.Equal((TransactionEventType.Started, TriggerReason.CablePluggedIn, ChargingState.EVConnected),
                (started.EventType, started.TriggerReason, started.TransactionInfo.ChargingState));
            Assert.Null(started.IdToken);
            Assert.Equal((TriggerReason.Authorized, "SCENARIO-TOKEN"), (events[1].TriggerReason, events[1].IdToken?.Token));
            Assert.Equal((TriggerReason.ChargingStateChanged, ChargingState.Charging), (events[2].TriggerReason, events[2].TransactionInfo.ChargingState));
            Assert.Contains(events, e => e.TriggerReason == TriggerReason.MeterValuePeriodic);
            var ended = events[^1];
            Assert.Equal(TransactionEventType.Ended, ended.EventType);
            Assert.Contains(ended.TransactionInfo.StoppedReason, new StoppedReason?[] { StoppedReason.Local, StoppedReason.EVDisconnected });
            Assert.Contains(ended.TriggerReason, new[] { TriggerReason.StopAuthorized, TriggerReason.EVCommunicationLost });
        }

        Assert.Equal("SCENARIO-TOKEN", csms.Received<AuthorizeRequest>("CP-SCENARIO")[0].IdToken.Token);
        var statuses = csms.Received<StatusNotificationRequest>("CP-SCENARIO").Select(s => s.ConnectorStatus).Take(5);
        Assert.Equal([ConnectorStatus.Available, ConnectorStatus.Occupied, ConnectorStatus.Available, ConnectorStatus.Occupied, ConnectorStatus.Available], statuses);
    }

    [Fact]
    public async Task A_single_station_starts_its_first_session_at_once_not_after_a_random_part_of_the_pause()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var emulator = await EmulatorHost.StartAsync(csms,
            ("STATION_ID", "CP-FIRST"), ("SCENARIO", "charging"), ("SCENARIO_PAUSE_SECONDS", "600"), ("SCENARIO_RANDOMNESS", "0"));

        await TestCsms.WaitUntilAsync(
            () => csms.Received<TransactionEventRequest>("CP-FIRST").Any(e => e.EventType == TransactionEventType.Started),
            "the first session started", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_refused_token_ends_the_plugged_in_transaction_without_charging_and_the_EV_unplugs()
    {
        await using var csms = await TestCsms.StartAsync();
        csms.AuthorizeStatus = AuthorizationStatus.Invalid;
        await using var emulator = await EmulatorHost.StartAsync(csms, [("STATION_ID", "CP-REFUSED"), .. Fast]);

        var ended = await csms.WaitForAsync<TransactionEventRequest>("CP-REFUSED", e => e.EventType == TransactionEventType.Ended);

        Assert.Equal(StoppedReason.DeAuthorized, ended.TransactionInfo.StoppedReason);
        var events = csms.Received<TransactionEventRequest>("CP-REFUSED").Where(e => e.TransactionInfo.TransactionId == ended.TransactionInfo.TransactionId);
        Assert.DoesNotContain(events, e => e.TransactionInfo.ChargingState == ChargingState.Charging);
        await csms.WaitForAsync<StatusNotificationRequest>("CP-REFUSED", s => s.ConnectorStatus == ConnectorStatus.Available, skip: 2);
    }
}
