using System.Diagnostics.Metrics;
using System.Text.Json;
using DrivePower.Csms.Journal;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DrivePower.Tests.Csms.Journal;

public sealed class MessageJournalTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_station_BootNotification_CALL_and_the_CSMS_CALLRESULT_are_stored_and_linked_with_the_round_trip()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("JR-BOOT");

        var entries = await csms.EntriesAsync("stationId=JR-BOOT", atLeast: 2);

        Assert.Equal(2, entries.Count);
        var (result, call) = (entries[0], entries[1]);
        Assert.Equal(("CALL", "StationToCsms", "BootNotification"), (call.Text("frameType"), call.Text("direction"), call.Text("action")));
        Assert.Contains("\"model\":\"DP-Test\"", call.Text("payload"), StringComparison.Ordinal);
        Assert.Equal(("CALLRESULT", "CsmsToStation", "BootNotification"), (result.Text("frameType"), result.Text("direction"), result.Text("action")));
        Assert.Contains("\"status\":\"Accepted\"", result.Text("payload"), StringComparison.Ordinal);
        Assert.Equal(call.Text("messageId"), result.Text("messageId"));
        Assert.Equal(result.Id(), call.GetProperty("linkedId").GetInt64());
        Assert.Equal(call.Id(), result.GetProperty("linkedId").GetInt64());
        Assert.InRange(call.GetProperty("roundTripMs").GetDouble(), 0, 10_000);
        Assert.Equal(call.GetProperty("roundTripMs").GetDouble(), result.GetProperty("roundTripMs").GetDouble());

        var details = await csms.Http.GetJsonAsync($"/api/journal/{call.Id()}");
        Assert.Equal(call.Id(), details.GetProperty("entry").Id());
        Assert.Equal(result.Id(), details.GetProperty("linked").Id());
        Assert.Equal("CALLRESULT", details.GetProperty("linked").Text("frameType"));
    }

    [Fact]
    public async Task An_operator_command_CALL_out_and_the_station_answer_are_stored_linked_under_its_action()
    {
        var handlers = new OcppHandlerRegistry().On<ResetRequest, ResetResponse>((_, _, _) => ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Scheduled }));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("JR-CMD", handlers);

        using var response = await csms.Http.PostRawAsync("/api/stations/JR-CMD/commands/Reset", """{"type":"OnIdle"}""");
        Assert.Equal(200, (int)response.StatusCode);
        var entries = await csms.EntriesAsync("stationId=JR-CMD&action=Reset", atLeast: 2);

        var (answer, call) = (entries[0], entries[1]);
        Assert.Equal(("CALL", "CsmsToStation"), (call.Text("frameType"), call.Text("direction")));
        Assert.Contains("\"type\":\"OnIdle\"", call.Text("payload"), StringComparison.Ordinal);
        Assert.Equal(("CALLRESULT", "StationToCsms", "Reset"), (answer.Text("frameType"), answer.Text("direction"), answer.Text("action")));
        Assert.Contains("Scheduled", answer.Text("payload"), StringComparison.Ordinal);
        Assert.Equal(answer.Id(), call.GetProperty("linkedId").GetInt64());
        Assert.True(call.GetProperty("roundTripMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_CALLERROR_is_marked_as_an_error_and_errorsOnly_finds_it_alone()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectAsync("JR-ERR"); // not booted: a Heartbeat earns SecurityError

        await Assert.ThrowsAsync<OcppCallErrorException>(() => station.CallAsync(new HeartbeatRequest()));
        var all = await csms.EntriesAsync("stationId=JR-ERR", atLeast: 2);
        var errors = await csms.EntriesAsync("stationId=JR-ERR&errorsOnly=true", atLeast: 1);

        var error = Assert.Single(errors);
        Assert.Equal(("CALLERROR", "SecurityError", "Heartbeat"), (error.Text("frameType"), error.Text("errorCode"), error.Text("action")));
        Assert.True(error.GetProperty("isError").GetBoolean());
        Assert.Contains("BootNotification", error.Text("errorDescription"), StringComparison.Ordinal);
        Assert.Equal("{}", error.Text("payload"));
        Assert.False(all.Single(e => e.Text("frameType") == "CALL").GetProperty("isError").GetBoolean());
        Assert.Equal(error.Id(), all.Single(e => e.Text("frameType") == "CALL").GetProperty("linkedId").GetInt64());
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_the_before_cursor_pages_through_it_newest_first()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("JR-PAGE");
        for (var i = 0; i < 5; i++)
            await station.CallAsync(new HeartbeatRequest());
        await csms.EntriesAsync("stationId=JR-PAGE", atLeast: 12);

        var ids = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await csms.Http.GetJsonAsync($"/api/journal?stationId=JR-PAGE&limit=5{(cursor is null ? "" : $"&before={cursor}")}");
            ids.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.Id()));
            cursor = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64().ToString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(12, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(5, (await csms.EntriesAsync("stationId=JR-PAGE&action=Heartbeat&direction=StationToCsms", atLeast: 5)).Count);
        Assert.All(await csms.EntriesAsync("stationId=JR-PAGE&direction=CsmsToStation", atLeast: 6), e => Assert.Equal("CALLRESULT", e.Text("frameType")));
        var future = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        Assert.Empty((await csms.Http.GetJsonAsync($"/api/journal?stationId=JR-PAGE&from={Uri.EscapeDataString(future)}")).GetProperty("entries").EnumerateArray());
        var past = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        Assert.Empty((await csms.Http.GetJsonAsync($"/api/journal?stationId=JR-PAGE&to={Uri.EscapeDataString(past)}")).GetProperty("entries").EnumerateArray());
    }

    [Theory]
    [InlineData("direction=sideways", "direction")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("before=abc", "before")]
    [InlineData("errorsOnly=maybe", "errorsOnly")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-02T12:00:00Z&to=2026-12-01T12:00:00Z", "to")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync($"/api/journal?{query}");

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_entry_is_404()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync("/api/journal/999999999");

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task A_disabled_journal_stores_nothing()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:Journal:Enabled"] = "false" });
        await using var station = await csms.ConnectBootedAsync("JR-OFF");

        await station.CallAsync(new HeartbeatRequest());
        await Task.Delay(300);

        Assert.Empty((await csms.Http.GetJsonAsync("/api/journal?stationId=JR-OFF")).GetProperty("entries").EnumerateArray());
        Assert.Null(csms.Get<MessageJournal>().Observer);
    }

    [Fact]
    public async Task A_batch_gets_ascending_ids_in_its_own_order_and_is_stored_under_them()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        var writer = csms.Get<IEnumerable<IHostedService>>().OfType<JournalWriter>().Single();
        var at = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 300)
            .Select(i => new JournalEntry(0, "JW-ORDER", "StationToCsms", "CALL", $"m{i:D3}", "Heartbeat", "{}", null, null, at))
            .ToList();

        var ids = await writer.WriteAsync(batch);

        Assert.Equal(batch.Count, ids.Length);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, message_id FROM ocpp_journal WHERE station_id = 'JW-ORDER' ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<(long, string?)>();
        while (await reader.ReadAsync())
            stored.Add((reader.GetInt64(0), reader.GetString(1)));
        Assert.Equal(ids.Zip(batch, (id, entry) => (id, entry.MessageId)), stored);
    }

    [Fact]
    public async Task Frames_that_come_within_the_gathering_time_are_written_in_one_COPY_not_one_each()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:Journal:GatherMilliseconds"] = "2000" });
        using var batches = new MetricCollector<long>(csms.Get<IMeterFactory>(), JournalTelemetry.Name, "ocpp.journal.batch.size");
        await using var station = await csms.ConnectBootedAsync("JR-GATHER");
        await csms.EntriesAsync("stationId=JR-GATHER", atLeast: 2);
        var before = batches.GetMeasurementSnapshot().Count;

        // Back to back, each a few milliseconds: written at once, they would be ten COPYs or more.
        for (var i = 0; i < 10; i++)
            await station.CallAsync(new HeartbeatRequest());
        await csms.EntriesAsync("stationId=JR-GATHER", atLeast: 22);

        var sizes = batches.GetMeasurementSnapshot().Skip(before).Select(m => m.Value).ToList();
        Assert.Equal(20, sizes.Sum());
        Assert.InRange(sizes.Count, 1, 3);
    }
}
