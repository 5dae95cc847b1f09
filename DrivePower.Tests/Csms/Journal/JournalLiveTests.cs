using System.Text.Json;
using DrivePower.Csms.Journal;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Journal;

public sealed class JournalLiveTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_live_stream_delivers_a_new_frame_of_its_station_with_its_journal_id()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        var journal = csms.Get<MessageJournal>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await csms.Http.GetAsync("/api/journal/live?stationId=JR-LIVE", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await Sql.EventuallyAsync(() => Task.FromResult(journal.SubscriberCount > 0));

        await using var other = await csms.ConnectBootedAsync("JR-OTHER");
        await using var station = await csms.ConnectBootedAsync("JR-LIVE");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var lines = new List<string>();
        while (lines.Count(line => line.StartsWith("data: ", StringComparison.Ordinal)) < 1 && await reader.ReadLineAsync(timeout.Token) is { } line)
            lines.Add(line);

        var id = long.Parse(lines.Single(line => line.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..]);
        Assert.Contains("event: frame", lines);
        using var data = JsonDocument.Parse(lines.Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..]);
        var entry = data.RootElement;
        Assert.Equal(("JR-LIVE", "CALL", "BootNotification"), (entry.Text("stationId"), entry.Text("frameType"), entry.Text("action")));
        Assert.Equal(id, entry.Id());
        Assert.Equal("CALL", (await csms.Http.GetJsonAsync($"/api/journal/{id}")).GetProperty("entry").Text("frameType"));
    }

    [Fact]
    public async Task An_in_process_subscriber_gets_the_frames_that_match_its_filter_in_order_once_stored()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var frames = csms.Get<MessageJournal>().SubscribeAsync(new JournalFilter { StationId = "JR-SUB", Direction = JournalDirection.CsmsToStation }, timeout.Token);

        await using var other = await csms.ConnectBootedAsync("JR-SUB-OTHER");
        await using var station = await csms.ConnectBootedAsync("JR-SUB");
        await using var next = frames.GetAsyncEnumerator(timeout.Token);

        Assert.True(await next.MoveNextAsync());
        Assert.Equal(("JR-SUB", "CALLRESULT", "BootNotification"), (next.Current.StationId, next.Current.FrameType, next.Current.Action));
        Assert.True(next.Current.Id > 0);
    }

    [Fact]
    public async Task A_client_reconnecting_with_Last_Event_ID_first_gets_the_stored_frames_it_missed_then_the_live_ones_once_each()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("JR-RESUME");
        var stored = await csms.EntriesAsync("stationId=JR-RESUME", atLeast: 2);
        var (result, call) = (stored[0], stored[1]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/journal/live?stationId=JR-RESUME", call.Id().ToString(), timeout.Token);
        var missed = await stream.NextAsync(timeout.Token);
        await station.CallAsync(new DrivePower.Ocpp.Messages.HeartbeatRequest());
        var liveCall = await stream.NextAsync(timeout.Token);
        var liveResult = await stream.NextAsync(timeout.Token);

        Assert.Equal((result.Id(), "CALLRESULT"), (missed.Id!.Value, missed.Data.Text("frameType")));
        Assert.Equal(("CALL", "Heartbeat"), (liveCall.Data.Text("frameType"), liveCall.Data.Text("action")));
        Assert.Equal("CALLRESULT", liveResult.Data.Text("frameType"));
        Assert.True(liveCall.Id > missed.Id && liveResult.Id > liveCall.Id);
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_a_number_is_400()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journal/live");
        request.Headers.Add("Last-Event-ID", "latest");

        using var response = await csms.Http.SendAsync(request);

        await response.ProblemAsync(400);
    }
}
