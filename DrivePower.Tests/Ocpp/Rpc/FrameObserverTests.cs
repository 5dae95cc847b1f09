using System.Collections.Concurrent;
using System.Text;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms;

namespace DrivePower.Tests.Ocpp.Rpc;

public class FrameObserverTests
{
    private sealed class Recorder : IOcppFrameObserver
    {
        public ConcurrentQueue<(OcppFrameDirection Direction, OcppMessageType? Type, string? Action, string Text)> Frames { get; } = new();

        public void OnFrame(in OcppObservedFrame frame, ReadOnlySpan<byte> utf8) =>
            Frames.Enqueue((frame.Direction, frame.Frame?.Type, frame.Action, Encoding.UTF8.GetString(utf8)));
    }

    private sealed class Throwing : IOcppFrameObserver
    {
        public void OnFrame(in OcppObservedFrame frame, ReadOnlySpan<byte> utf8) => throw new InvalidOperationException("observer bug");
    }

    private static OcppHandlerRegistry Heartbeats() => new OcppHandlerRegistry()
        .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = DateTimeOffset.UnixEpoch }));

    [Fact]
    public async Task The_observer_sees_our_CALL_before_its_answer_and_each_answer_with_the_action_it_answers()
    {
        var recorder = new Recorder();
        await using var pair = await WebSocketPair.CreateAsync();
        await using var server = new RunningConnection(pair.Server, Heartbeats());
        await using var client = new RunningConnection(pair.Client, new OcppHandlerRegistry(), new OcppRpcOptions { FrameObserver = recorder });

        await client.Connection.CallAsync(new HeartbeatRequest());

        var frames = recorder.Frames.ToList();
        Assert.Equal(2, frames.Count);
        Assert.Equal((OcppFrameDirection.Sent, OcppMessageType.Call, "Heartbeat"), (frames[0].Direction, frames[0].Type, frames[0].Action));
        Assert.StartsWith("[2,", frames[0].Text, StringComparison.Ordinal);
        Assert.Equal((OcppFrameDirection.Received, OcppMessageType.CallResult, "Heartbeat"), (frames[1].Direction, frames[1].Type, frames[1].Action));
        Assert.Contains("1970-01-01", frames[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answering_side_sees_the_CALL_then_its_answer_a_malformed_frame_and_the_CALLERROR_it_earned()
    {
        var recorder = new Recorder();
        await using var pair = await WebSocketPair.CreateAsync();
        await using var server = new RunningConnection(pair.Server, Heartbeats(), new OcppRpcOptions { FrameObserver = recorder });
        await using var client = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        await client.Connection.CallAsync(new HeartbeatRequest());
        await new RawPeer(pair.Client).SendAsync("not json");
        await Sql.EventuallyAsync(() => Task.FromResult(recorder.Frames.Count == 4));

        var frames = recorder.Frames.Select(f => (f.Direction, f.Type, f.Action)).ToList();
        Assert.Equal(
        [
            (OcppFrameDirection.Received, OcppMessageType.Call, "Heartbeat"),
            (OcppFrameDirection.Sent, OcppMessageType.CallResult, "Heartbeat"),
            (OcppFrameDirection.Received, null, null),
            (OcppFrameDirection.Sent, OcppMessageType.CallError, null),
        ], frames);
        Assert.Equal("not json", recorder.Frames.ElementAt(2).Text);
    }

    [Fact]
    public async Task An_observer_that_throws_does_not_disturb_the_connection()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var server = new RunningConnection(pair.Server, Heartbeats(), new OcppRpcOptions { FrameObserver = new Throwing() });
        await using var client = new RunningConnection(pair.Client, new OcppHandlerRegistry(), new OcppRpcOptions { FrameObserver = new Throwing() });

        var response = await client.Connection.CallAsync(new HeartbeatRequest());

        Assert.Equal(DateTimeOffset.UnixEpoch, response.CurrentTime);
        Assert.True(client.Connection.IsOpen);
    }
}
