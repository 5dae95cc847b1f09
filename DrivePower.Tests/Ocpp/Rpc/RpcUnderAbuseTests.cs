extern alias csms;

using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using csms::DrivePower.Csms.Apis;
using csms::DrivePower.Csms.Commands;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>Issue 11 item 8: the RPC core under a flooding, stalling or misbehaving peer.</summary>
public class RpcUnderAbuseTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The raw peers here never answer a close: don't wait the default 5 s for them.</summary>
    private static readonly TimeSpan QuickClose = TimeSpan.FromMilliseconds(300);

    private static OcppHandlerRegistry Heartbeats(Task? release = null) => new OcppHandlerRegistry()
        .On<HeartbeatRequest, HeartbeatResponse>(async (_, _, _) =>
        {
            await (release ?? Task.CompletedTask);
            return new HeartbeatResponse { CurrentTime = Noon };
        });

    [Fact]
    public async Task A_flooding_peer_is_not_read_while_the_inbound_queue_is_full_and_every_call_is_answered_in_order()
    {
        const int MaxQueued = 2;
        await using var pair = await WebSocketPair.CreateAsync();
        var release = new TaskCompletionSource();
        await using var csms = new RunningConnection(pair.Server, Heartbeats(release.Task), new OcppRpcOptions { MaxQueuedCalls = MaxQueued, CloseTimeout = QuickClose });
        var received = 0;
        csms.Connection.MessageReceived = _ => Interlocked.Increment(ref received);
        var raw = new RawPeer(pair.Client);

        // One CALL in its handler, MaxQueued waiting, one more held by the receive loop: the next is not read.
        const int Readable = 1 + MaxQueued + 1;
        try
        {
            for (var i = 0; i < Readable + 1; i++)
                await raw.SendAsync($$"""[2,"f{{i}}","Heartbeat",{}]""");
            await Sql.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref received) >= Readable));
            await Task.Delay(300);
            Assert.Equal(Readable, Volatile.Read(ref received));
        }
        finally
        {
            release.SetResult();
        }

        for (var i = 0; i < Readable + 1; i++)
        {
            var answer = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
            Assert.Equal(3, answer[0].GetInt32());
            Assert.Equal($"f{i}", answer[1].GetString());
        }
    }

    [Fact]
    public async Task An_operation_canceled_exception_that_is_not_the_connections_own_does_not_stop_answering()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, Heartbeats(), new OcppRpcOptions { CloseTimeout = QuickClose });
        var calls = 0;
        csms.Connection.CallFilter = _ => Interlocked.Increment(ref calls) == 1 ? throw new OperationCanceledException("a timeout of the filter's own") : null;
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"c1","Heartbeat",{}]""");
        var first = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await raw.SendAsync("""[2,"c2","Heartbeat",{}]""");
        var second = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;

        Assert.Equal((4, "c1", "InternalError"), (first[0].GetInt32(), first[1].GetString(), first[2].GetString()));
        Assert.Equal((3, "c2"), (second[0].GetInt32(), second[1].GetString()));
    }

    [Fact]
    public async Task A_call_that_cannot_be_sent_in_time_fails_with_a_send_timeout_and_the_dead_connection_closes()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, Heartbeats());
        var stalling = new StallingWebSocket(pair.Client);
        await using var station = new RunningConnection(stalling, new OcppHandlerRegistry(), new OcppRpcOptions { SendTimeout = TimeSpan.FromMilliseconds(200) });

        stalling.StallSends = true;
        var failure = await Assert.ThrowsAsync<OcppSendTimeoutException>(() => station.Connection.CallAsync(new HeartbeatRequest()));

        Assert.Equal("CP-TEST", failure.StationId);
        await station.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(station.Connection.IsOpen);
    }

    [Fact]
    public void The_operator_api_answers_a_send_timeout_with_504_problem_details()
    {
        var outcome = OperatorCommands.Failed(new OcppSendTimeoutException("CP-1", TimeSpan.FromSeconds(30)), "CP-1", "Reset");

        Assert.NotNull(outcome);
        var problem = CommandsApi.ToProblem(outcome);
        Assert.Equal(504, problem.StatusCode);
        Assert.Equal("The station stopped reading", problem.ProblemDetails.Title);
        Assert.Contains("CP-1", problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task A_malformed_frame_arriving_while_the_connection_closes_ends_the_run_without_an_exception()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var csms = new RunningConnection(pair.Server, Heartbeats());
        var buffer = new byte[1024];

        var closing = csms.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye");
        Assert.Equal(WebSocketMessageType.Close, (await pair.Client.ReceiveAsync(buffer, CancellationToken.None)).MessageType);
        // The peer had this on its way before it read our close frame; the CSMS can no longer answer it.
        await new RawPeer(pair.Client).SendAsync("""[2,"late","Heartbeat",{""");
        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await closing.WaitAsync(TimeSpan.FromSeconds(10));

        await csms.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        await csms.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_a_connection_disposes_its_cancellation_source_and_locks_and_later_calls_see_it_closed()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var station = new RunningConnection(pair.Client, new OcppHandlerRegistry(), new OcppRpcOptions { CloseTimeout = QuickClose });

        await station.DisposeAsync();

        var fields = typeof(OcppRpcConnection).GetFields(BindingFlags.Instance | BindingFlags.NonPublic);
        var semaphores = fields.Where(field => field.FieldType == typeof(SemaphoreSlim)).Select(field => (SemaphoreSlim)field.GetValue(station.Connection)!).ToList();
        var sources = fields.Where(field => field.FieldType == typeof(CancellationTokenSource)).Select(field => (CancellationTokenSource)field.GetValue(station.Connection)!).ToList();
        Assert.NotEmpty(semaphores);
        Assert.NotEmpty(sources);
        Assert.All(semaphores, semaphore => Assert.Throws<ObjectDisposedException>(() => semaphore.Wait(0)));
        Assert.All(sources, source => Assert.Throws<ObjectDisposedException>(() => source.Token));
        Assert.True(station.Connection.Closing.IsCancellationRequested);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => station.Connection.CallAsync(new HeartbeatRequest()));
    }
}
