using System.Text;
using System.Text.Json;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Events;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>GET /api/events</c>: live station events as Server-Sent Events. Each event's SSE type is its kind
/// (connected, disconnected, booted, status, transactionStarted, transactionUpdated, transactionEnded)
/// and its data the event as JSON, the kind again in <c>type</c>. The headers go out at once, so a
/// client knows it is subscribed before the first event; a comment line every
/// <see cref="CsmsOptions.EventsKeepAliveSeconds"/> keeps proxies from closing a quiet stream.
/// </summary>
public static class EventsApi
{
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", StreamAsync)
            .WithSummary("Live station events (text/event-stream); stationId narrows them to one station.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        return group;
    }

    private static async Task StreamAsync(
        HttpContext context, StationEventHub hub, IOptions<CsmsOptions> options, IHostApplicationLifetime lifetime, string? stationId = null)
    {
        // The stream ends when the client goes or the CSMS begins to stop (so it does not hold up the stop).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = end.Token;
        var keepAliveInterval = TimeSpan.FromSeconds(options.Value.EventsKeepAliveSeconds);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await using var events = hub.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken); // subscribed: the headers go now, not with the first event

        Task<bool>? next = null;
        try
        {
            // One timer at a time (not one per event): a comment every interval, whatever else is sent.
            var keepAlive = Task.Delay(keepAliveInterval, cancellationToken);
            next = events.MoveNextAsync().AsTask();
            while (true)
            {
                if (await Task.WhenAny(next, keepAlive) == keepAlive)
                {
                    await keepAlive;
                    await context.Response.Body.WriteAsync(KeepAlive, cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                    keepAlive = Task.Delay(keepAliveInterval, cancellationToken);
                    continue;
                }

                if (!await next)
                    return;
                if (stationId is null || events.Current.StationId == stationId)
                    await WriteAsync(context.Response, events.Current, cancellationToken);
                next = events.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the client went away, or the CSMS is stopping
        }
        finally
        {
            // An async iterator may not be disposed while a MoveNextAsync is still running.
            if (next is not null)
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task WriteAsync(HttpResponse response, StationEvent stationEvent, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(stationEvent, OperatorJsonContext.Default.StationEvent);
        var kind = json.TryGetProperty("type", out var type) ? type.GetString() : null;
        // The JSON is one line (no indentation), so one data: line carries it.
        await response.WriteAsync($"event: {kind ?? "event"}\ndata: {json.GetRawText()}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
