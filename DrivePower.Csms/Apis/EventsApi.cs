using System.Globalization;
using System.Text.Json;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Events;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>GET /api/events</c>: live station events as Server-Sent Events. Each event's SSE type is its kind
/// (connected, disconnected, booted, status, transactionStarted, transactionUpdated, transactionEnded,
/// heartbeat, meterValues, commandSent, commandAnswered), its <c>id</c> the hub's monotonic id, and its
/// data the event as JSON, the kind again in <c>type</c>. A client reconnecting with <c>Last-Event-ID</c>
/// first gets the events it missed, from the hub's ring; when that is more than the ring holds (or the id
/// is from before a restart), an event <c>reset</c> tells it to reload instead. Headers and keep-alive
/// comments as <see cref="ServerSentEventStream"/> writes them.
/// </summary>
public static class EventsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", StreamAsync)
            .WithSummary("Live station events (text/event-stream); stationId narrows them to one station; Last-Event-ID replays what a reconnecting client missed.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> StreamAsync(HttpContext context, StationEventHub hub, IOptions<CsmsOptions> options, string? stationId = null)
    {
        long? lastEventId = null;
        if (context.Request.Headers[LastEventIdHeader] is [{ Length: > 0 } header])
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [LastEventIdHeader] = [$"{LastEventIdHeader} must be the id of an event this stream sent (a whole number)."],
                });
            }

            lastEventId = parsed;
        }

        await ServerSentEventStream.WriteAsync(context, cancellationToken =>
        {
            var subscription = hub.Subscribe(lastEventId, includeFrequent: true, cancellationToken);
            return subscription.Gap ? Prepend(Reset(lastEventId!.Value, subscription.LastId), subscription.Events) : subscription.Events;
        }, record => Format(record, stationId), TimeSpan.FromSeconds(options.Value.EventsKeepAliveSeconds));
        return TypedResults.Empty;
    }

    /// <summary>The reset marker: carries the latest id, so the client's next Last-Event-ID continues from here.</summary>
    private static StationEventRecord Reset(long lastEventId, long latestId) => new(latestId, new StreamResetEvent(lastEventId, latestId));

    private static ServerSentEvent? Format(StationEventRecord record, string? stationId)
    {
        var id = record.Id.ToString(CultureInfo.InvariantCulture);
        if (record.Event is StreamResetEvent reset)
            return new ServerSentEvent("reset", id, JsonSerializer.Serialize(reset.Body, OperatorJsonContext.Default.StreamReset));
        if (stationId is not null && record.Event.StationId != stationId)
            return null;
        var json = JsonSerializer.SerializeToElement(record.Event, OperatorJsonContext.Default.StationEvent);
        var kind = json.TryGetProperty("type", out var type) ? type.GetString() : null;
        return new ServerSentEvent(kind ?? "event", id, json.GetRawText());
    }

    private static async IAsyncEnumerable<StationEventRecord> Prepend(StationEventRecord first, IAsyncEnumerable<StationEventRecord> rest)
    {
        yield return first;
        await foreach (var record in rest)
            yield return record;
    }

    /// <summary>The body of a <c>reset</c> event: the id the client asked to continue from, and the latest id.</summary>
    public sealed record StreamReset(string Type, long LastEventId, long LatestId, string Reason);

    /// <summary>Not a station event: the stream's own marker, never published to the hub.</summary>
    private sealed record StreamResetEvent(long LastEventId, long LatestId) : StationEvent("", DateTimeOffset.MinValue)
    {
        public StreamReset Body => new("reset", LastEventId, LatestId,
            "Events after the given id are no longer all kept (or the id is from before the CSMS restarted): reload the state through the REST API; the stream goes on from the latest id.");
    }
}
