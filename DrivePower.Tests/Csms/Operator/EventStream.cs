using System.Text.Json;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>A Server-Sent Events stream read one event at a time (id, type, data as JSON).</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<EventStream> OpenAsync(HttpClient http, string path, string? lastEventId = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
    }

    /// <summary>The next event (comments skipped).</summary>
    public async Task<(long? Id, string Type, JsonElement Data)> NextAsync(CancellationToken cancellationToken)
    {
        (long? Id, string? Type) current = (null, null);
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                current.Id = long.Parse(line["id: ".Length..]);
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                current.Type = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                return (current.Id, current.Type ?? "message", data.RootElement.Clone());
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    /// <summary>Events until one of <paramref name="type"/> comes; returns it.</summary>
    public async Task<(long? Id, string Type, JsonElement Data)> NextOfTypeAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await NextAsync(cancellationToken);
            if (next.Type == type)
                return next;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
