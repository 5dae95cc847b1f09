using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>Authorize the CSMS cannot answer (CALLERROR, as during a database outage): the station's offline rules decide.</summary>
public class OfflineAuthorizationTests
{
    private static readonly (string, string)[] Scenario =
        [("SCENARIO", "charging"), ("SCENARIO_CHARGE_SECONDS", "0.6"), ("SCENARIO_PAUSE_SECONDS", "0.2"), ("SCENARIO_RANDOMNESS", "0")];

    [Fact]
    public async Task An_unknown_token_is_refused_offline_by_default_and_the_session_ends_deauthorized()
    {
        var csms = await TestCsms.StartAsync();
        csms.RefuseAuthorize = true;
        await using var _ = csms;
        await using var emulator = await EmulatorHost.StartAsync(csms, [("STATION_ID", "CP-OFF-UNKNOWN"), .. Scenario]);

        var ended = await csms.WaitForAsync<TransactionEventRequest>("CP-OFF-UNKNOWN", e => e.EventType == TransactionEventType.Ended, TimeSpan.FromSeconds(10));

        Assert.Equal(StoppedReason.DeAuthorized, ended.TransactionInfo.StoppedReason);
    }

    [Fact]
    public async Task With_OfflineTxForUnknownIdEnabled_an_unknown_token_charges_offline()
    {
        await using var station = await BootedStation.StartAsync("CP-OFF-ALLOW", [.. Scenario, ("SCENARIO_PAUSE_SECONDS", "1")]);
        station.Csms.RefuseAuthorize = true;
        await station.SendAsync(new SetVariablesRequest { SetVariableData = [ReliableDeliveryTests.Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true")] });
        var setAt = DateTimeOffset.UtcNow;

        var refusedAt = (await FirstAsync(station, m => m.Action == "Authorize" && m.At > setAt, station.Csms.Refused)).At;
        var ended = (TransactionEventRequest)(await FirstAsync(station, m => m.At > refusedAt && IsEnded(m))).Request;

        Assert.NotEqual(StoppedReason.DeAuthorized, ended.TransactionInfo.StoppedReason);
        Assert.Contains(station.Received<TransactionEventRequest>(),
            e => e.TransactionInfo.TransactionId == ended.TransactionInfo.TransactionId && e.TransactionInfo.ChargingState == ChargingState.Charging);
    }

    [Fact]
    public async Task A_token_accepted_before_is_accepted_offline_from_the_cache_until_ClearCache()
    {
        await using var station = await BootedStation.StartAsync("CP-OFF-CACHE", Scenario);
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended, TimeSpan.FromSeconds(10));

        station.Csms.RefuseAuthorize = true;
        var refusedAt = (await FirstAsync(station, m => m.Action == "Authorize", station.Csms.Refused)).At;
        var offline = (TransactionEventRequest)(await FirstAsync(station, m => m.At > refusedAt && IsEnded(m))).Request;
        await station.SendAsync(new ClearCacheRequest());
        var clearedAt = DateTimeOffset.UtcNow;
        var afterClear = (TransactionEventRequest)(await FirstAsync(station, m => m.At > clearedAt && IsEnded(m)
            && ((TransactionEventRequest)m.Request).TransactionInfo.StoppedReason == StoppedReason.DeAuthorized)).Request;

        Assert.NotEqual(StoppedReason.DeAuthorized, offline.TransactionInfo.StoppedReason);
        Assert.Equal(StoppedReason.DeAuthorized, afterClear.TransactionInfo.StoppedReason);
    }

    private static bool IsEnded(TestCsms.Message message) => message.Request is TransactionEventRequest { EventType: TransactionEventType.Ended };

    /// <summary>The first message of the station (received, or in <paramref name="from"/>) matching <paramref name="match"/>, waiting up to 10 s.</summary>
    private static async Task<TestCsms.Message> FirstAsync(BootedStation station, Func<TestCsms.Message, bool> match, IEnumerable<TestCsms.Message>? from = null)
    {
        TestCsms.Message? found = null;
        await TestCsms.WaitUntilAsync(() => (found = (from ?? station.Csms.All(station.Id)).FirstOrDefault(m => m.StationId == station.Id && match(m))) is not null,
            "a matching message", TimeSpan.FromSeconds(10));
        return found!;
    }
}
