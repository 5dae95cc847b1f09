using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DrivePower.Csms.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>GET /api/events</c>: live station events as Server-Sent Events. Each event's SSE type is its kind
/// (connected, disconnected, booted, status, transactionStarted, transactionUpdated, transactionEnded)
/// and its data the event as JSON, the kind again in <c>type</c>.
/// </summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", Stream).WithSummary("Live station events (text/event-stream); stationId narrows them to one station.");
        return group;
    }

    private static ServerSentEventsResult<string> Stream(StationEventHub hub, CancellationToken cancellationToken, string? stationId = null) =>
        TypedResults.ServerSentEvents<string>(ReadAsync(hub, stationId, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        StationEventHub hub, string? stationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stationEvent in hub.SubscribeAsync(cancellationToken))
        {
            if (stationId is not null && stationEvent.StationId != stationId)
                continue;
            var json = JsonSerializer.SerializeToElement(stationEvent, OperatorJsonContext.Default.StationEvent);
            var kind = json.TryGetProperty("type", out var type) ? type.GetString() : null;
            yield return new SseItem<string>(json.GetRawText(), kind ?? "event");
        }
    }
}
