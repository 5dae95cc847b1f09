using System.Net.Http.Json;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Sessions left active forever: listing the stale ones, ending one on the CSMS side, forgetting a vanished station.</summary>
public sealed class StaleSessionsApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Stale_lists_active_transactions_of_disconnected_stations_and_those_quiet_for_longer_than_the_age()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var connected = await csms.ConnectBootedAsync("STALE-ON");
        await connected.CallAsync(Fresh(TransactionEventType.Started, 0, "stale-live"));
        await connected.CallAsync(Event(TransactionEventType.Started, 0, "stale-quiet", evseId: 2)); // its last event is days old
        await connected.CallAsync(Fresh(TransactionEventType.Started, 0, "stale-done", evseId: 3));
        await connected.CallAsync(Fresh(TransactionEventType.Ended, 1, "stale-done", evseId: 3));
        var gone = await csms.ConnectBootedAsync("STALE-GONE");
        await gone.CallAsync(Fresh(TransactionEventType.Started, 0, "stale-orphan"));
        await DisconnectAsync(csms, gone);

        var byDefault = await StaleIdsAsync(csms, "/api/transactions/stale");
        var withinAYear = await StaleIdsAsync(csms, "/api/transactions/stale?olderThanSeconds=31536000");

        Assert.Equal(["stale-orphan", "stale-quiet"], byDefault.Order(StringComparer.Ordinal));
        Assert.Equal(["stale-orphan"], withinAYear);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    public async Task A_bad_age_is_a_400_validation_problem(string age)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync($"/api/transactions/stale?olderThanSeconds={age}");

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("olderThanSeconds", out _));
    }

    [Fact]
    public async Task Ending_a_transaction_on_the_csms_side_records_who_and_why_once_and_a_later_event_does_not_revive_it()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("END-1");
        await station.CallAsync(Fresh(TransactionEventType.Started, 0, "end-me"));
        var id = await IdOfAsync(csms, "END-1");

        using var first = await csms.Http.PostAsJsonAsync($"/api/transactions/{id}/end",
            new { endedBy = "alice", reason = "station scrapped", stoppedReason = "PowerLoss" });
        using var again = await csms.Http.PostAsJsonAsync($"/api/transactions/{id}/end", new { endedBy = "bob", reason = "retry" });
        await station.CallAsync(Fresh(TransactionEventType.Updated, 1, "end-me"));
        var stored = (await csms.Http.GetJsonAsync($"/api/transactions/{id}")).GetProperty("transaction");

        first.EnsureSuccessStatusCode();
        again.EnsureSuccessStatusCode();
        var ended = await first.JsonAsync();
        Assert.False(ended.GetProperty("isActive").GetBoolean());
        Assert.Equal("PowerLoss", ended.GetProperty("stoppedReason").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
        foreach (var view in new[] { await again.JsonAsync(), stored })
        {
            Assert.False(view.GetProperty("isActive").GetBoolean());
            Assert.Equal(("alice", "station scrapped"),
                (view.GetProperty("csmsEnd").GetProperty("endedBy").GetString(), view.GetProperty("csmsEnd").GetProperty("reason").GetString()));
        }

        Assert.Empty(await StaleIdsAsync(csms, "/api/transactions/stale?olderThanSeconds=1"));
    }

    [Fact]
    public async Task Ending_an_unknown_transaction_is_a_404_and_a_bad_body_a_400_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("END-2");
        await station.CallAsync(Fresh(TransactionEventType.Started, 0, "end-bad"));
        var id = await IdOfAsync(csms, "END-2");

        using var unknown = await csms.Http.PostAsJsonAsync("/api/transactions/987654321/end", new { endedBy = "alice", reason = "gone" });
        using var missing = await csms.Http.PostAsJsonAsync($"/api/transactions/{id}/end", new { reason = "gone" });
        using var badReason = await csms.Http.PostAsJsonAsync($"/api/transactions/{id}/end", new { endedBy = "alice", reason = "gone", stoppedReason = "Bored" });
        using var notJson = await csms.Http.PostRawAsync($"/api/transactions/{id}/end", "{not json");

        await unknown.ProblemAsync(404);
        Assert.True((await missing.ProblemAsync(400)).GetProperty("errors").TryGetProperty("endedBy", out _));
        Assert.True((await badReason.ProblemAsync(400)).GetProperty("errors").TryGetProperty("stoppedReason", out _));
        await notJson.ProblemAsync(400);
        Assert.True((await csms.Http.GetJsonAsync($"/api/transactions/{id}")).GetProperty("transaction").GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task A_station_can_be_deleted_with_its_rows_only_once_it_is_gone()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        var station = await csms.ConnectBootedAsync("DEL-1");
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);
        await station.CallAsync(Fresh(TransactionEventType.Started, 0, "del-tx"));

        using var whileConnected = await csms.Http.DeleteAsync("/api/stations/DEL-1");
        await whileConnected.ProblemAsync(409);
        await DisconnectAsync(csms, station);
        using var deleted = await csms.Http.DeleteAsync("/api/stations/DEL-1");
        using var twice = await csms.Http.DeleteAsync("/api/stations/DEL-1");
        using var unknown = await csms.Http.DeleteAsync("/api/stations/NEVER-SEEN");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        await twice.ProblemAsync(404);
        await unknown.ProblemAsync(404);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(db.ConnectionString, """
            SELECT (SELECT count(*) FROM stations WHERE id = 'DEL-1') + (SELECT count(*) FROM transactions WHERE station_id = 'DEL-1')
                 + (SELECT count(*) FROM station_connector_statuses WHERE station_id = 'DEL-1')
                 + (SELECT count(*) FROM station_connector_status_history WHERE station_id = 'DEL-1')
            """));
        await (await csms.Http.GetAsync("/api/stations/DEL-1")).ProblemAsync(404);
    }

    private static TransactionEventRequest Fresh(TransactionEventType type, int seqNo, string transactionId, int evseId = 1) =>
        Event(type, seqNo, transactionId, evseId: evseId) with { Timestamp = DateTimeOffset.UtcNow };

    private static async Task DisconnectAsync(CsmsTestHost csms, TestStation station)
    {
        await station.DisposeAsync();
        await Sql.EventuallyAsync(() => Task.FromResult(!csms.Get<StationConnections>().IsConnected(station.StationId)));
    }

    private static async Task<List<string>> StaleIdsAsync(CsmsTestHost csms, string path) =>
        [.. (await csms.Http.GetJsonAsync(path)).EnumerateArray().Select(t => t.GetProperty("transactionId").GetString()!)
            .Where(id => id.StartsWith("stale-", StringComparison.Ordinal) || id.StartsWith("end-", StringComparison.Ordinal))];

    private static async Task<long> IdOfAsync(CsmsTestHost csms, string stationId) =>
        (await csms.Http.GetJsonAsync($"/api/transactions?stationId={stationId}"))[0].GetProperty("id").GetInt64();
}
