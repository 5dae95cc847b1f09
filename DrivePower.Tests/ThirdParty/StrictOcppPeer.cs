using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.ThirdParty;

/// <summary>The answer <see cref="StrictOcppPeer"/> got to a call it sent: the response, or the error (a CALLERROR, or a schema violation strict mode found).</summary>
public sealed record PeerCallResult(string Method, bool Ok, JsonElement? Response, string? ErrorCode, string? ErrorMessage)
{
    public override string ToString() => Ok ? $"{Method}: {Response}" : $"{Method}: {ErrorCode} {ErrorMessage}";
}

/// <summary>
/// A third-party OCPP 2.0.1 peer in its own process: ocpp-rpc in strict mode (<c>strict-peer.js</c>), which checks
/// every frame both ways against the official schemas. It answers calls with <see cref="OcppExamples"/>' responses,
/// records what it received and every schema violation, and sends the calls a test asks for.
/// </summary>
public sealed class StrictOcppPeer : IAsyncDisposable
{
    public const string Package = "ocpp-rpc@2.2.1";
    public const string Variable = "DRIVEPOWER_OCPP_RPC";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _node;
    private readonly string _responsesFile;
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly ConcurrentQueue<JsonElement> _failures = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly TaskCompletionSource<JsonElement> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonElement> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private int _nextId;

    private StrictOcppPeer(Process node, string responsesFile)
    {
        _node = node;
        _responsesFile = responsesFile;
        _ = ReadReportsAsync();
        _ = ReadErrorsAsync();
    }

    /// <summary>The port of a CSMS peer; stations connect to <c>ws://127.0.0.1:{port}/ocpp/{id}</c>.</summary>
    public int Port { get; private set; }

    /// <summary>Each call the peer received, as <c>{"method", "params"}</c>, in order.</summary>
    public IReadOnlyList<JsonElement> Received => [.. _received];

    /// <summary>Every frame strict mode found against the schema, either way.</summary>
    public IReadOnlyList<JsonElement> StrictFailures => [.. _failures];

    public static async Task<StrictOcppPeer> StartCsmsAsync()
    {
        var peer = Start("csms");
        peer.Port = (await peer.WaitAsync(peer._ready.Task, "listening")).GetProperty("port").GetInt32();
        return peer;
    }

    public static async Task<StrictOcppPeer> ConnectStationAsync(Uri ocppEndpoint, string identity)
    {
        var peer = Start("station", ocppEndpoint.AbsoluteUri.TrimEnd('/'), identity);
        await peer.WaitAsync(peer._connected.Task, "a connection");
        return peer;
    }

    /// <summary>Sends a call and waits for its result.</summary>
    public async Task<PeerCallResult> CallAsync(string method, string parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var result = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = result;
        var line = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonNode.Parse(parameters) }.ToJsonString();
        await _node.StandardInput.WriteLineAsync(line);
        await _node.StandardInput.FlushAsync();
        var reported = await WaitAsync(result.Task, $"the result of {method}");
        return reported.GetProperty("ok").GetBoolean()
            ? new PeerCallResult(method, true, reported.GetProperty("response").Clone(), null, null)
            : new PeerCallResult(method, false, null, Text(reported.GetProperty("error"), "code"), Text(reported.GetProperty("error"), "message"));
    }

    /// <summary>
    /// The params of the first call of <paramref name="method"/> received (that <paramref name="matches"/>; only calls
    /// after the first <paramref name="after"/> received), waiting for it.
    /// </summary>
    public async Task<JsonElement> WaitForReceivedAsync(string method, Func<JsonElement, bool>? matches = null, int after = 0)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            foreach (var call in _received.Skip(after))
            {
                if (call.GetProperty("method").GetString() == method && (matches is null || matches(call.GetProperty("params"))))
                    return call.GetProperty("params");
            }

            try
            {
                await _arrivals.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The strict peer received no matching {method} in {Patience.TotalSeconds} s; it received {string.Join(", ", ReceivedMethods)}. {Diagnostics}");
            }
        }
    }

    public IEnumerable<string> ReceivedMethods => _received.Select(call => call.GetProperty("method").GetString()!);

    /// <summary>Why the peer failed, for assertion messages: its stderr.</summary>
    public string Diagnostics => _errors.IsEmpty ? "" : "node stderr: " + string.Join(" | ", _errors);

    private static StrictOcppPeer Start(params string[] arguments)
    {
        var modules = NpmPackages.Locate(Package, Variable, "node_modules", HowToGetIt);
        var script = Path.Combine(AppContext.BaseDirectory, "ThirdParty", "strict-peer.js");
        var responses = Path.Combine(Path.GetTempPath(), $"drivepower-strict-responses-{Guid.NewGuid():N}.json");
        File.WriteAllText(responses, ResponsesJson());
        var start = new ProcessStartInfo("node", [script, arguments[0], responses, .. arguments[1..]])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NODE_PATH"] = modules },
        };
        try
        {
            return new StrictOcppPeer(Process.Start(start)!, responses);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"node is not installed; the strict third-party peer runs on it. {HowToGetIt}");
        }
    }

    private static string HowToGetIt =>
        $"Install it with `npm install --prefix /tmp/ocpp-rpc {Package}` and set {Variable}=/tmp/ocpp-rpc/node_modules (bash .ci/run does both).";

    // The peer answers with the examples' responses: each is schema-valid, with every property the schema has.
    private static string ResponsesJson()
    {
        var responses = new JsonObject();
        foreach (var (action, (_, response)) in OcppExamples.ByAction)
            responses[action] = JsonNode.Parse(response);
        return responses.ToJsonString();
    }

    private async Task ReadReportsAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            var report = JsonDocument.Parse(line).RootElement.Clone();
            switch (report.GetProperty("type").GetString())
            {
                case "listening":
                    _ready.TrySetResult(report);
                    break;
                case "connected":
                    _connected.TrySetResult(report);
                    break;
                case "received":
                    _received.Enqueue(report);
                    _arrivals.Release();
                    break;
                case "strictFailure":
                    _failures.Enqueue(report);
                    break;
                case "result" when _calls.TryRemove(report.GetProperty("id").GetInt32(), out var call):
                    call.TrySetResult(report);
                    break;
                case "fatal":
                    _errors.Enqueue(Text(report, "message") ?? line);
                    break;
            }
        }

        var gone = new InvalidOperationException($"The strict peer exited. {Diagnostics}");
        _ready.TrySetException(gone);
        _connected.TrySetException(gone);
        foreach (var call in _calls.Values)
            call.TrySetException(gone);
    }

    private async Task ReadErrorsAsync()
    {
        while (await _node.StandardError.ReadLineAsync() is { } line)
            _errors.Enqueue(line);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<JsonElement> WaitAsync(Task<JsonElement> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The strict peer gave no {what} in {Patience.TotalSeconds} s. {Diagnostics}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _node.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            _node.Kill(entireProcessTree: true);
        }
        finally
        {
            _node.Dispose();
            _arrivals.Dispose();
            File.Delete(_responsesFile);
        }
    }
}
