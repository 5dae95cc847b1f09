using System.Text.Json;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class EventsApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_event_stream_carries_a_status_change_and_a_transaction_start_as_server_sent_events()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SSE-1");
        var hub = (StationEventHub)csms.Services.GetService(typeof(StationEventHub))!;
        var subscribersBefore = hub.SubscriberCount;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var reading = ReadEventsAsync(csms.Http, "/api/events?stationId=SSE-1", count: 2, timeout.Token);
        while (hub.SubscriberCount == subscribersBefore)
            await Task.Delay(20, timeout.Token);
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);
        await station.CallAsync(Event(TransactionEventType.Started, 0, "sse-tx", 10m));
        var events = await reading;

        Assert.Equal("status", events[0].Type);
        Assert.Equal("SSE-1", events[0].Data.GetProperty("stationId").GetString());
        Assert.Equal("Occupied", events[0].Data.GetProperty("status").GetString());
        Assert.Equal("status", events[0].Data.GetProperty("type").GetString());
        Assert.Equal("transactionStarted", events[1].Type);
        Assert.Equal("sse-tx", events[1].Data.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task The_stream_sends_its_headers_before_any_event_and_a_keep_alive_comment_while_quiet()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:EventsKeepAliveSeconds"] = "1" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // Nothing is published: the headers must come anyway, and then a comment line.
        using var response = await csms.Http.GetAsync("/api/events?stationId=SSE-QUIET", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        Assert.Equal(": keep-alive", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task The_stream_ends_as_soon_as_the_CSMS_begins_to_stop()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await csms.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        csms.Get<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // Well before the host's shutdown timeout (10 s here), which would otherwise cut the stream.
        var ended = await reader.ReadToEndAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(5), timeout.Token);
        Assert.DoesNotContain("event:", ended, StringComparison.Ordinal);
    }

    private static async Task<List<(string Type, JsonElement Data)>> ReadEventsAsync(HttpClient http, string path, int count, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = new List<(string, JsonElement)>();
        string? type = null;
        while (events.Count < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                events.Add((type ?? "message", data.RootElement.Clone()));
            }
        }

        return events;
    }
}
