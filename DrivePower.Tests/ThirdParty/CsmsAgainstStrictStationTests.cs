using System.Net.Http.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.ThirdParty;

/// <summary>
/// The CSMS against a station of another OCPP-J stack in strict mode (ocpp-rpc checks every frame against the official
/// schemas): the station sends every station-to-CSMS action in its fullest example form and a priced transaction, and
/// the operator API sends every command, through the commands endpoint and through the blocks' own endpoints, which
/// build their requests themselves.
/// </summary>
public sealed class CsmsAgainstStrictStationTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private const string StationId = "STRICT-ST";

    private static string Event(string type, int seqNo, string trigger, decimal wh) => $$"""
        {"eventType":"{{type}}","timestamp":"{{DateTimeOffset.UtcNow:O}}","triggerReason":"{{trigger}}","seqNo":{{seqNo}},
         "transactionInfo":{"transactionId":"strict-tx"},"evse":{"id":1,"connectorId":1},"idToken":{"idToken":"CARD-STRICT","type":"ISO14443"},
         "meterValue":[{"timestamp":"{{DateTimeOffset.UtcNow:O}}","sampledValue":[{"value":{{wh}},"measurand":"Energy.Active.Import.Register"}]}]}
        """;

    // The blocks' own endpoints: each builds its OCPP request from the body (ids, locations, tokens of its own).
    private static IEnumerable<(HttpMethod Method, string Path, string? Body)> BlockEndpoints() =>
    [
        (HttpMethod.Post, "logs", """{"logType":"DiagnosticsLog","retries":1,"retryInterval":5}"""),
        (HttpMethod.Post, "reservations", """{"id":11,"expiryDateTime":"2030-01-01T00:00:00Z","idToken":{"idToken":"CARD-R","type":"ISO14443"}}"""),
        (HttpMethod.Delete, "reservations/11", null),
        (HttpMethod.Post, "charging-profiles", """{"evseId":1,"chargingProfile":{"id":21,"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"startSchedule":"2026-01-01T00:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}]}}"""),
        (HttpMethod.Delete, "charging-profiles/21", null),
        (HttpMethod.Post, "charging-profiles/clear", """{"chargingProfileCriteria":{"chargingProfilePurpose":"TxDefaultProfile"}}"""),
        (HttpMethod.Post, "local-list", """{"versionNumber":2,"updateType":"Full","localAuthorizationList":[{"idToken":{"idToken":"CARD-L","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}}]}"""),
        (HttpMethod.Get, "local-list/version", null),
        (HttpMethod.Post, "display-messages", """{"message":{"id":31,"priority":"NormalCycle","message":{"format":"UTF8","content":"Hello"}}}"""),
        (HttpMethod.Delete, "display-messages/31", null),
    ];

    [Fact]
    public async Task Every_answer_and_command_the_CSMS_sends_passes_a_strict_third_party_station()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString,
            new Dictionary<string, string?> { ["Csms:Tariff:CostUpdatedIntervalSeconds"] = "1" });
        (await csms.Http.PutAsJsonAsync("/api/tariff", new { currency = "EUR", pricePerKwh = 0.30m, pricePerMinute = 0.01m, pricePerSession = 0.50m }))
            .EnsureSuccessStatusCode();
        await using var station = await StrictOcppPeer.ConnectStationAsync(new Uri($"ws://{csms.BaseAddress.Authority}/ocpp"), StationId);

        var answers = new List<PeerCallResult> { await station.CallAsync("BootNotification", OcppExamples.ByAction["BootNotification"].Request) };
        foreach (var action in OcppActions.All.Where(a => a.Direction != OcppDirection.CsmsToStation && a.Name != "BootNotification"))
            answers.Add(await station.CallAsync(action.Name, OcppExamples.ByAction[action.Name].Request));
        answers.Add(await station.CallAsync("TransactionEvent", Event("Started", 0, "Authorized", 1000)));
        answers.Add(await station.CallAsync("TransactionEvent", Event("Updated", 1, "MeterValuePeriodic", 1500)));
        await station.WaitForReceivedAsync("CostUpdated", cost => cost.GetProperty("transactionId").GetString() == "strict-tx");
        var ended = await station.CallAsync("TransactionEvent", Event("Ended", 2, "StopAuthorized", 2000));
        answers.Add(ended);

        var refused = new List<string>();
        foreach (var (method, path, body) in BlockEndpoints())
        {
            using var request = new HttpRequestMessage(method, $"/api/stations/{StationId}/{path}")
            {
                Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await csms.Http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                refused.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var action in OcppActions.All.Where(a => a.Direction != OcppDirection.StationToCsms))
        {
            using var response = await csms.Http.PostRawAsync($"/api/stations/{StationId}/commands/{action.Name}", OcppExamples.ByAction[action.Name].Request);
            if (!response.IsSuccessStatusCode)
                refused.Add($"commands/{action.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(station.StrictFailures);
        Assert.All(answers, answer => Assert.True(answer.Ok, answer.ToString()));
        Assert.Empty(refused);
        Assert.Equal(0.80m, ended.Response!.Value.GetProperty("totalCost").GetDecimal()); // 0.50 + 1 kWh × 0.30 + seconds at 0.01 a minute
        var commands = OcppActions.All.Where(a => a.Direction != OcppDirection.StationToCsms).Select(a => a.Name);
        Assert.Empty(commands.Except(station.ReceivedMethods));

        // The peer is strict: a call against the schema is not sent, and the failure is recorded.
        Assert.False((await station.CallAsync("Heartbeat", """{"beat":1}""")).Ok);
        Assert.Single(station.StrictFailures);
    }
}
