using System.Globalization;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Emulator;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.ThirdParty;

/// <summary>
/// The emulator against a CSMS of another OCPP-J stack in strict mode (ocpp-rpc checks every frame against the official
/// schemas): it drives the emulator through each of its blocks so that the station sends every kind of message it can,
/// then sends every CSMS-to-station action of the catalogue in its fullest example form.
/// </summary>
public sealed class EmulatorAgainstStrictCsmsTests
{
    private const string StationId = "STRICT-EMU";

    private static string In(TimeSpan span) => DateTimeOffset.UtcNow.Add(span).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    // What a station is driven through to send its own messages: (action, payload, what it then sends).
    private static IEnumerable<(string Action, string Payload, string? Then)> Scenario() =>
    [
        ("SetVariables", """{"setVariableData":[{"component":{"name":"AuthCtrlr"},"variable":{"name":"AuthorizeRemoteStart"},"attributeValue":"true"}]}""", null),
        ("RequestStartTransaction", """{"evseId":1,"remoteStartId":1,"idToken":{"idToken":"CARD-STRICT","type":"ISO14443"}}""", "TransactionEvent"),
        ("TriggerMessage", """{"requestedMessage":"MeterValues","evse":{"id":1}}""", "MeterValues"),
        ("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", "Heartbeat"),
        ("TriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""", "FirmwareStatusNotification"),
        ("TriggerMessage", """{"requestedMessage":"StatusNotification","evse":{"id":2,"connectorId":1}}""", "StatusNotification"),
        ("TriggerMessage", """{"requestedMessage":"TransactionEvent","evse":{"id":1}}""", "TransactionEvent"),
        ("GetBaseReport", """{"requestId":2,"reportBase":"FullInventory"}""", "NotifyReport"),
        ("SetChargingProfile", """{"evseId":0,"chargingProfile":{"id":30,"stackLevel":0,"chargingProfilePurpose":"ChargingStationMaxProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"startSchedule":"2026-01-01T00:00:00Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}]}}""", null),
        ("GetChargingProfiles", """{"requestId":3,"chargingProfile":{"chargingProfilePurpose":"ChargingStationMaxProfile"}}""", "ReportChargingProfiles"),
        ("GetCompositeSchedule", """{"duration":600,"evseId":1,"chargingRateUnit":"W"}""", null),
        ("SetDisplayMessage", """{"message":{"id":40,"priority":"NormalCycle","message":{"format":"UTF8","content":"Strictly welcome"}}}""", null),
        ("GetDisplayMessages", """{"requestId":4}""", "NotifyDisplayMessages"),
        ("SendLocalList", """{"versionNumber":5,"updateType":"Full","localAuthorizationList":[{"idToken":{"idToken":"CARD-LOCAL","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}}]}""", null),
        ("CustomerInformation", """{"requestId":6,"report":true,"clear":false,"idToken":{"idToken":"CARD-STRICT","type":"ISO14443"}}""", "NotifyCustomerInformation"),
        ("SetVariableMonitoring", """{"setMonitoringData":[{"type":"Periodic","value":1,"severity":0,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}]}""", "NotifyEvent"),
        ("GetMonitoringReport", """{"requestId":13}""", "NotifyMonitoringReport"),
        ("GetLog", """{"logType":"DiagnosticsLog","requestId":7,"retries":0,"log":{"remoteLocation":"http://127.0.0.1:9/nowhere"}}""", "LogStatusNotification"),
    ];

    [Fact]
    public async Task Every_message_the_emulator_sends_and_every_answer_it_gives_passes_a_strict_third_party_CSMS()
    {
        await using var csms = await StrictOcppPeer.StartCsmsAsync();
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://127.0.0.1:{csms.Port}/ocpp",
            ["STATION_ID"] = StationId,
            ["EVSE_COUNT"] = "2",
            ["METER_INTERVAL_SECONDS"] = "0.5",
            ["CALL_TIMEOUT_SECONDS"] = "10",
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.5",
        });
        await emulator.StartAsync();
        await csms.WaitForReceivedAsync("StatusNotification");

        var answers = new List<PeerCallResult>();
        foreach (var (action, payload, then) in Scenario())
        {
            var seen = csms.Received.Count;
            answers.Add(await csms.CallAsync(action, payload));
            if (then is not null)
                await csms.WaitForReceivedAsync(then, after: seen);
        }

        // A reservation that expires while the test waits: the station reports it.
        var beforeReservation = csms.Received.Count;
        answers.Add(await csms.CallAsync("ReserveNow", $$$"""{"id":9,"expiryDateTime":"{{{In(TimeSpan.FromSeconds(2))}}}","evseId":2,"idToken":{"idToken":"CARD-RES","type":"ISO14443"}}"""));
        await csms.WaitForReceivedAsync("ReservationStatusUpdate", after: beforeReservation);

        var started = await csms.WaitForReceivedAsync("TransactionEvent", e => e.GetProperty("eventType").GetString() == "Started");
        var transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString();
        answers.Add(await csms.CallAsync("CostUpdated", $$"""{"totalCost":1.5,"transactionId":"{{transactionId}}"}"""));
        answers.Add(await csms.CallAsync("RequestStopTransaction", $$"""{"transactionId":"{{transactionId}}"}"""));
        await csms.WaitForReceivedAsync("TransactionEvent", e => e.GetProperty("eventType").GetString() == "Ended");

        // Then each action in the fullest form its schema allows, and a reset that reboots the station.
        foreach (var action in OcppActions.All.Where(a => a.Direction != OcppDirection.StationToCsms))
            answers.Add(await csms.CallAsync(action.Name, OcppExamples.ByAction[action.Name].Request));
        var beforeReset = csms.Received.Count;
        answers.Add(await csms.CallAsync("Reset", """{"type":"Immediate"}"""));
        await csms.WaitForReceivedAsync("BootNotification", e => e.GetProperty("reason").GetString() == "RemoteReset", after: beforeReset);

        Assert.Empty(csms.StrictFailures);
        Assert.All(answers, answer => Assert.True(answer.Ok, answer.ToString()));
        string[] sent =
        [
            "BootNotification", "StatusNotification", "Heartbeat", "Authorize", "TransactionEvent", "MeterValues", "NotifyReport",
            "FirmwareStatusNotification", "LogStatusNotification", "ReportChargingProfiles", "NotifyDisplayMessages",
            "NotifyCustomerInformation", "ReservationStatusUpdate", "NotifyEvent", "NotifyMonitoringReport",
        ];
        Assert.Empty(sent.Except(csms.ReceivedMethods));
        Assert.Contains(csms.Received, call => call.GetProperty("method").GetString() == "LogStatusNotification"
            && call.GetProperty("params").GetProperty("status").GetString() == "UploadFailure");

        // The peer is strict: a call against the schema is not sent, and the failure is recorded.
        Assert.False((await csms.CallAsync("Reset", """{"type":"Soon"}""")).Ok);
        Assert.Single(csms.StrictFailures);
    }
}
