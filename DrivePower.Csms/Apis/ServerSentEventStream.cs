using System.Text;

namespace DrivePower.Csms.Apis;

/// <summary>One Server-Sent Event: its type, its id (null: none), and its data on one line.</summary>
internal readonly record struct ServerSentEvent(string Type, string? Id, string Data);

/// <summary>
/// Writes a stream of items as Server-Sent Events: the headers at once (so a client knows it is
/// subscribed before the first event), a <c>: keep-alive</c> comment every interval whatever else is
/// sent (so proxies do not close a quiet stream), until the items end, the client goes, or the CSMS
/// begins to stop (so the stream does not hold up the stop).
/// </summary>
internal static class ServerSentEventStream
{
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static async Task WriteAsync<T>(
        HttpContext context, Func<CancellationToken, IAsyncEnumerable<T>> subscribe, Func<T, ServerSentEvent?> format, TimeSpan keepAliveInterval)
    {
        var lifetime = context.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = end.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await using var items = subscribe(cancellationToken).GetAsyncEnumerator(cancellationToken);

        Task<bool>? next = null;
        try
        {
            await context.Response.Body.FlushAsync(cancellationToken); // subscribed: the headers go now, not with the first event
            // One timer at a time (not one per event): a comment every interval, whatever else is sent.
            var keepAlive = Task.Delay(keepAliveInterval, cancellationToken);
            next = items.MoveNextAsync().AsTask();
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
                if (format(items.Current) is { } item)
                    await WriteEventAsync(context.Response, item, cancellationToken);
                next = items.MoveNextAsync().AsTask();
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

    /// <summary>Writes one event; the data is one line (JSON without indentation), so one <c>data:</c> line carries it.</summary>
    public static async Task WriteEventAsync(HttpResponse response, ServerSentEvent item, CancellationToken cancellationToken)
    {
        var id = item.Id is null ? "" : $"id: {item.Id}\n";
        await response.WriteAsync($"{id}event: {item.Type}\ndata: {item.Data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
