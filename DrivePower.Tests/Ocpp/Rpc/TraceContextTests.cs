using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>The W3C trace context crosses the WebSocket in customData, so one OCPP call is one trace on both sides.</summary>
public sealed class TraceContextTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActivitySource TestSource = new("DrivePower.Tests.TraceContext");

    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ActivityListener _listener;
    private readonly string _stationId = "CP-TRACE-" + Guid.NewGuid().ToString("N")[..8];

    public TraceContextTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OcppRpcTelemetry.Name || source == TestSource,
            // Only this test's spans: a recorded span makes a connection add the trace context to its CALLs.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source == TestSource || StationOf(options.Tags) == _stationId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStarted = activity =>
            {
                if (activity.GetTagItem("ocpp.station_id") as string == _stationId)
                    _started.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    internal static string? StationOf(IEnumerable<KeyValuePair<string, object?>>? tags) =>
        tags?.FirstOrDefault(tag => tag.Key == "ocpp.station_id").Value as string;

    /// <summary>Answers Heartbeat, noting the span current while the handler runs.</summary>
    private static OcppHandlerRegistry Heartbeats(ConcurrentQueue<ActivitySpanId> handlerSpans) => new OcppHandlerRegistry()
        .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) =>
        {
            handlerSpans.Enqueue(Activity.Current?.SpanId ?? default);
            return ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Noon });
        });

    private Activity Span(ActivityKind kind) => Assert.Single(_started, activity => activity.Kind == kind);

    [Fact]
    public async Task The_span_of_a_call_is_the_parent_of_the_handler_span_on_the_other_side_both_ways()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var csmsHandlerSpans = new ConcurrentQueue<ActivitySpanId>();
        var stationHandlerSpans = new ConcurrentQueue<ActivitySpanId>();
        await using var csms = new RunningConnection(pair.Server, Heartbeats(csmsHandlerSpans), stationId: _stationId);
        await using var station = new RunningConnection(pair.Client, Heartbeats(stationHandlerSpans), stationId: _stationId);

        await station.Connection.CallAsync(new HeartbeatRequest());
        var (stationCall, csmsHandler) = (Span(ActivityKind.Client), Span(ActivityKind.Server));
        _started.Clear();
        await csms.Connection.CallAsync(new HeartbeatRequest());
        var (csmsCall, stationHandler) = (Span(ActivityKind.Client), Span(ActivityKind.Server));

        Assert.Equal((stationCall.TraceId, stationCall.SpanId), (csmsHandler.TraceId, csmsHandler.ParentSpanId));
        Assert.Equal((csmsCall.TraceId, csmsCall.SpanId), (stationHandler.TraceId, stationHandler.ParentSpanId));
        Assert.True(csmsHandler.HasRemoteParent);
        // The handler runs with its span current, so spans it starts (Npgsql's SQL) sit under it.
        Assert.Equal([csmsHandler.SpanId], csmsHandlerSpans);
        Assert.Equal([stationHandler.SpanId], stationHandlerSpans);
    }

    [Fact]
    public async Task The_trace_context_rides_in_top_level_custom_data_under_the_project_vendor_id_and_leaves_other_custom_data_alone()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry(), stationId: _stationId);
        var raw = new RawPeer(pair.Server);

        var plain = station.Connection.CallAsync(new HeartbeatRequest());
        var sent = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await raw.SendAsync($$"""[3,"{{sent[1].GetString()}}",{"currentTime":"2026-11-23T12:00:00Z"}]""");
        await plain;
        var own = station.Connection.CallAsync(new HeartbeatRequest { CustomData = new CustomData { VendorId = "com.example" } });
        var ownSent = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await raw.SendAsync($$"""[3,"{{ownSent[1].GetString()}}",{"currentTime":"2026-11-23T12:00:00Z"}]""");
        await own;

        var customData = sent[3].GetProperty("customData");
        Assert.Equal("org.drivepower", customData.GetProperty("vendorId").GetString());
        var call = _started.First(activity => activity.Kind == ActivityKind.Client);
        Assert.Equal($"00-{call.TraceId}-{call.SpanId}-01", customData.GetProperty("traceparent").GetString());
        Assert.Equal("""{"vendorId":"com.example"}""", ownSent[3].GetProperty("customData").GetRawText());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"customData":{"vendorId":"com.other","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}}""")]
    [InlineData("""{"customData":{"vendorId":"org.drivepower","traceparent":"00-not-a-trace-01"}}""")]
    [InlineData("""{"customData":{"vendorId":"org.drivepower","traceparent":42}}""")]
    public async Task A_call_without_a_valid_trace_context_of_ours_is_answered_in_a_trace_of_its_own(string payload)
    {
        await using var pair = await WebSocketPair.CreateAsync();
        using var owner = TestSource.StartActivity("connection owner"); // what the CSMS's request span is to a connection
        await using var csms = new RunningConnection(pair.Server, Heartbeats(new ConcurrentQueue<ActivitySpanId>()), stationId: _stationId);
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync($$"""[2,"t1","Heartbeat",{{payload}}]""");
        var answer = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;

        Assert.Equal((3, "t1"), (answer[0].GetInt32(), answer[1].GetString()));
        var handler = Span(ActivityKind.Server);
        Assert.Equal(default, handler.ParentSpanId);
        Assert.NotEqual(owner!.TraceId, handler.TraceId);
    }
}
