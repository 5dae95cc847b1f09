using System.Globalization;
using System.Text.Json;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>/api/journal</c>: the message journal, every OCPP frame in and out of the CSMS, newest first with
/// a keyset cursor (<c>before</c> an id); one frame with its linked answer or CALL; and a live tail as
/// Server-Sent Events. Reads go through <see cref="JournalQueries"/>, the tail through <see cref="MessageJournal.SubscribeAsync"/>.
/// </summary>
public static class JournalApi
{
    public static RouteGroupBuilder MapJournalApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/journal").WithTags("Journal");
        group.MapGet("/", ListAsync)
            .WithSummary($"OCPP frames, newest first: filter by stationId, action, direction (StationToCsms, CsmsToStation), errorsOnly, from, to (RFC 3339); page with before (an id) and limit (1-{JournalQueries.MaxLimit}, default {JournalQueries.DefaultLimit}).");
        group.MapGet("/{id:long}", GetAsync)
            .WithSummary("One frame with the frame it is linked to (a CALL's answer, an answer's CALL) and the round trip in ms.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/live", LiveAsync)
            .WithSummary("New frames as they are stored (text/event-stream, event type frame, id the frame's id); stationId narrows them to one station; Last-Event-ID first sends the stored frames after it (at most 500).")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<JournalPage>, ValidationProblem>> ListAsync(
        JournalQueries journal, CancellationToken cancellationToken, string? stationId = null, string? action = null, string? direction = null,
        string? errorsOnly = null, string? from = null, string? to = null, string? before = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (direction is not null && !JournalDirection.All.Contains(direction, StringComparer.Ordinal))
            errors["direction"] = [$"direction must be one of {string.Join(", ", JournalDirection.All)}."];
        var errorsFlag = Parse(errorsOnly, "errorsOnly", "true or false", errors, (string text, out bool value) => bool.TryParse(text, out value));
        var fromTime = ParseTime(from, "from", errors);
        var toTime = ParseTime(to, "to", errors);
        if (fromTime > toTime)
            errors["to"] = ["to must not be before from."];
        var beforeId = Parse(before, "before", "a frame id (a whole number from 1)", errors,
            (string text, out long value) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1);
        var take = Parse(limit, "limit", $"a whole number from 1 to {JournalQueries.MaxLimit}", errors,
            (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= JournalQueries.MaxLimit);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var filter = new JournalFilter
        {
            StationId = stationId, Action = action, Direction = direction, ErrorsOnly = errorsFlag ?? false, From = fromTime, To = toTime,
        };
        return TypedResults.Ok(await journal.ListAsync(filter, beforeId, take ?? JournalQueries.DefaultLimit, cancellationToken));
    }

    private static async Task<Results<Ok<JournalEntryDetails>, ProblemHttpResult>> GetAsync(long id, JournalQueries journal, CancellationToken cancellationToken) =>
        await journal.GetAsync(id, cancellationToken) is { } details
            ? TypedResults.Ok(details)
            : Problems.NotFound("Unknown journal entry", $"No frame with id {id} is in the journal (it may have been purged).");

    private static async Task<IResult> LiveAsync(
        HttpContext context, MessageJournal journal, JournalQueries queries, IOptions<CsmsOptions> options, string? stationId = null)
    {
        long? lastEventId = null;
        if (context.Request.Headers[EventsApi.LastEventIdHeader] is [{ Length: > 0 } header])
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [EventsApi.LastEventIdHeader] = [$"{EventsApi.LastEventIdHeader} must be the id of a frame this stream sent (a whole number)."],
                });
            }

            lastEventId = parsed;
        }

        // Subscribed before the stored frames are read, so nothing falls between; read before the stream
        // starts, so a database that is away is still a 503, not a stream that breaks off.
        // Cancelled however this ends (a failed read included), which ends the subscription.
        using var subscribed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        try
        {
            var live = journal.SubscribeAsync(new JournalFilter { StationId = stationId }, subscribed.Token);
            var missed = lastEventId is { } after ? await queries.ListAfterAsync(after, stationId, JournalQueries.MaxLimit, context.RequestAborted) : [];
            await ServerSentEventStream.WriteAsync(
                context,
                cancellationToken => Concat(missed, live, missed.Count > 0 ? missed[^1].Id : lastEventId ?? 0, cancellationToken),
                entry => new ServerSentEvent("frame", entry.Id.ToString(CultureInfo.InvariantCulture),
                    JsonSerializer.Serialize(entry, OperatorJsonContext.Default.JournalEntry)),
                TimeSpan.FromSeconds(options.Value.EventsKeepAliveSeconds));
            return TypedResults.Empty;
        }
        finally
        {
            await subscribed.CancelAsync();
        }
    }

    /// <summary>
    /// The stored frames a reconnecting client missed (at most <see cref="JournalQueries.MaxLimit"/>; for
    /// more, page <c>/api/journal</c>), then the live ones, skipping those already sent from the store.
    /// </summary>
    private static async IAsyncEnumerable<JournalEntry> Concat(
        List<JournalEntry> missed, IAsyncEnumerable<JournalEntry> live, long sent,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in missed)
            yield return entry;
        await foreach (var entry in live.WithCancellation(cancellationToken))
        {
            if (entry.Id > sent)
                yield return entry;
        }
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T? Parse<T>(string? text, string name, string expected, Dictionary<string, string[]> errors, TryParser<T> parse) where T : struct
    {
        if (text is null)
            return null;
        if (parse(text, out var value))
            return value;
        errors[name] = [$"{name} must be {expected}."];
        return null;
    }

    private static DateTimeOffset? ParseTime(string? text, string name, Dictionary<string, string[]> errors) =>
        Parse(text, name, "an RFC 3339 date-time such as 2026-12-02T17:00:00Z", errors,
            (string value, out DateTimeOffset time) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time));
}
