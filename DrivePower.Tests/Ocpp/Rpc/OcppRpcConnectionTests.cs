using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Ocpp.Rpc;

public class OcppRpcConnectionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static BootNotificationRequest Boot(string model = "M1") => new()
    {
        Reason = BootReason.PowerUp,
        ChargingStation = new ChargingStation { Model = model, VendorName = "DrivePower" },
    };

    private static OcppHandlerRegistry CsmsHandlers() => new OcppHandlerRegistry()
        .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Noon }))
        .On<BootNotificationRequest, BootNotificationResponse>((_, request, _) => ValueTask.FromResult(new BootNotificationResponse
        {
            CurrentTime = Noon,
            Interval = request.ChargingStation.Model.Length,
            Status = RegistrationStatus.Accepted,
        }));

    [Fact]
    public async Task A_call_gets_the_response_that_carries_its_own_message_id()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, CsmsHandlers());
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        var response = await station.Connection.CallAsync(Boot("ABCDE"));

        Assert.Equal(RegistrationStatus.Accepted, response.Status);
        Assert.Equal(5, response.Interval);
        Assert.Equal(Noon, (await station.Connection.CallAsync(new HeartbeatRequest())).CurrentTime);
    }

    [Fact]
    public async Task An_unanswered_call_times_out_and_a_late_answer_is_dropped_without_harm()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var release = new TaskCompletionSource();
        var handlers = CsmsHandlers().On<StatusNotificationRequest, StatusNotificationResponse>(async (_, _, _) =>
        {
            await release.Task;
            return new StatusNotificationResponse();
        });
        await using var csms = new RunningConnection(pair.Server, handlers);
        // Long enough for the Heartbeat after it to be answered in time on a loaded 2-core CI machine.
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry(), new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(1) });

        var status = new StatusNotificationRequest { Timestamp = Noon, ConnectorStatus = ConnectorStatus.Available, EvseId = 1, ConnectorId = 1 };
        var timeout = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => station.Connection.CallAsync(status));
        Assert.Equal("StatusNotification", timeout.Action);

        release.SetResult(); // the CSMS answers now, too late
        Assert.Equal(Noon, (await station.Connection.CallAsync(new HeartbeatRequest())).CurrentTime);
    }

    [Fact]
    public async Task A_second_call_waits_until_the_first_is_answered()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var inFlight = 0;
        var maxInFlight = 0;
        var order = new ConcurrentQueue<string>();
        var handlers = new OcppHandlerRegistry().On<BootNotificationRequest, BootNotificationResponse>(async (_, request, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            order.Enqueue(request.ChargingStation.Model);
            await Task.Delay(100, CancellationToken.None);
            Interlocked.Decrement(ref inFlight);
            return new BootNotificationResponse { CurrentTime = Noon, Interval = 1, Status = RegistrationStatus.Accepted };
        });
        await using var csms = new RunningConnection(pair.Server, handlers);
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        var first = station.Connection.CallAsync(Boot("first"));
        var second = station.Connection.CallAsync(Boot("second"));
        await Task.WhenAll(first, second);

        Assert.Equal(1, maxInFlight);
        Assert.Equal(["first", "second"], order.ToArray());
    }

    [Fact]
    public async Task Calls_crossing_in_opposite_directions_are_both_answered()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        // The CSMS, while handling the station's BootNotification, calls the station back.
        var csmsHandlers = new OcppHandlerRegistry().On<BootNotificationRequest, BootNotificationResponse>(async (context, _, cancellationToken) =>
        {
            var heartbeat = await context.Connection.CallAsync(new HeartbeatRequest(), cancellationToken);
            return new BootNotificationResponse { CurrentTime = heartbeat.CurrentTime, Interval = 7, Status = RegistrationStatus.Accepted };
        });
        var stationHandlers = new OcppHandlerRegistry()
            .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Noon }));
        await using var csms = new RunningConnection(pair.Server, csmsHandlers);
        await using var station = new RunningConnection(pair.Client, stationHandlers);

        var response = await station.Connection.CallAsync(Boot()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Noon, response.CurrentTime);
        Assert.Equal(7, response.Interval);
    }

    [Fact]
    public async Task Pending_calls_fail_at_once_when_the_socket_closes()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HeartbeatResponse { CurrentTime = Noon };
        });
        var csms = new RunningConnection(pair.Server, handlers);
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        var pending = station.Connection.CallAsync(new HeartbeatRequest());
        await Task.Delay(100);
        await csms.DisposeAsync();

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => station.Connection.CallAsync(new HeartbeatRequest()));
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_socket_with_1009()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, CsmsHandlers(), new OcppRpcOptions { MaxMessageSize = 1024 });
        var raw = new RawPeer(pair.Client);

        var padding = new string('a', 4096);
        await raw.SendAsync($$$"""[2,"big","Heartbeat",{"customData":{"vendorId":"x","pad":"{{{padding}}}"}}]""");

        var closed = await Assert.ThrowsAsync<WebSocketException>(() => raw.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, pair.Client.CloseStatus);
        Assert.Contains("MessageTooBig", closed.Message);
        // The connection waits (up to its close timeout) for the peer to answer the close, as a station does.
        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await csms.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_unknown_action_is_answered_NotImplemented_and_a_known_one_without_handler_NotSupported()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, CsmsHandlers());
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"u1","FlyToTheMoon",{}]""");
        var unknown = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await raw.SendAsync("""[2,"u2","bootNotification",{}]""");
        var wrongCase = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await raw.SendAsync("""[2,"u3","StatusNotification",{"timestamp":"2026-11-23T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}]""");
        var unsupported = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;

        AssertCallError(unknown, "u1", "NotImplemented");
        AssertCallError(wrongCase, "u2", "NotImplemented");
        AssertCallError(unsupported, "u3", "NotSupported");
    }

    [Fact]
    public async Task A_handler_that_throws_is_answered_InternalError_without_leaking_its_exception()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>((_, _, _) =>
            throw new InvalidOperationException("secret connection string Password=hunter2"));
        await using var csms = new RunningConnection(pair.Server, handlers);
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"h1","Heartbeat",{}]""");
        var text = await raw.ReceiveAsync();

        AssertCallError(JsonDocument.Parse(text).RootElement, "h1", "InternalError");
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }

    [Fact]
    public async Task A_handler_can_answer_with_a_chosen_call_error_and_the_caller_gets_it_typed()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>((_, _, _) =>
            throw new OcppCallErrorException(OcppErrorCode.SecurityError, "Not accepted yet."));
        await using var csms = new RunningConnection(pair.Server, handlers);
        await using var station = new RunningConnection(pair.Client, new OcppHandlerRegistry());

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.Connection.CallAsync(new HeartbeatRequest()));

        Assert.Equal("SecurityError", error.ErrorCode);
        Assert.Equal("Not accepted yet.", error.Description);
    }

    [Fact]
    public async Task The_call_filter_refuses_a_call_before_its_handler_runs()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var handled = false;
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>((_, _, _) =>
        {
            handled = true;
            return ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Noon });
        });
        await using var csms = new RunningConnection(pair.Server, handlers);
        csms.Connection.CallFilter = context => context.Action == "BootNotification" ? null : new OcppError(OcppErrorCode.SecurityError, "Boot first.");
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"f1","Heartbeat",{}]""");

        AssertCallError(JsonDocument.Parse(await raw.ReceiveAsync()).RootElement, "f1", "SecurityError");
        Assert.False(handled);
    }

    [Fact]
    public async Task A_malformed_frame_is_answered_and_the_socket_stays_usable()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, CsmsHandlers());
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"m1","Heartbeat",{}""");
        AssertCallError(JsonDocument.Parse(await raw.ReceiveAsync()).RootElement, "-1", "RpcFrameworkError");
        await raw.SendAsync("""[9,"m2"]""");
        AssertCallError(JsonDocument.Parse(await raw.ReceiveAsync()).RootElement, "m2", "MessageTypeNotSupported");
        await raw.SendAsync("""[3,"nobody-asked",{}]""");
        await raw.SendAsync("""[2,"m3","Heartbeat",{}]""");

        var answer = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        Assert.Equal(3, answer[0].GetInt32());
        Assert.Equal("m3", answer[1].GetString());
    }

    [Fact]
    public async Task A_burst_of_thousands_of_calls_each_way_loses_nothing()
    {
        const int CallsEachWay = 3000;
        await using var pair = await WebSocketPair.CreateAsync();
        var echoModel = new OcppHandlerRegistry().On<BootNotificationRequest, BootNotificationResponse>((_, request, _) =>
            ValueTask.FromResult(new BootNotificationResponse
            {
                CurrentTime = Noon,
                Interval = int.Parse(request.ChargingStation.Model),
                Status = RegistrationStatus.Accepted,
            }));
        await using var csms = new RunningConnection(pair.Server, echoModel);
        await using var station = new RunningConnection(pair.Client, echoModel);

        async Task<int> Burst(OcppRpcConnection caller) =>
            (await Task.WhenAll(Enumerable.Range(0, CallsEachWay).Select(async i =>
                (await caller.CallAsync(Boot(i.ToString()))).Interval == i ? 1 : 0))).Sum();

        var results = await Task.WhenAll(Burst(station.Connection), Burst(csms.Connection)).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal([CallsEachWay, CallsEachWay], results);
    }

    [Fact]
    public async Task Work_deferred_with_AfterAnswer_starts_only_once_the_answer_is_on_the_wire()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>((context, _, _) =>
        {
            context.AfterAnswer(() => context.Connection.CallAsync(new HeartbeatRequest()));
            return ValueTask.FromResult(new HeartbeatResponse { CurrentTime = Noon });
        });
        await using var csms = new RunningConnection(pair.Server, handlers);
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"a1","Heartbeat",{}]""");
        var first = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        var second = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;

        Assert.Equal(3, first[0].GetInt32());
        Assert.Equal("a1", first[1].GetString());
        Assert.Equal(2, second[0].GetInt32());
        Assert.Equal("Heartbeat", second[2].GetString());
    }

    [Fact]
    public async Task Work_deferred_by_a_handler_that_fails_never_runs()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var ran = false;
        var handlers = new OcppHandlerRegistry().On<HeartbeatRequest, HeartbeatResponse>((context, _, _) =>
        {
            context.AfterAnswer(() => Task.FromResult(ran = true));
            throw new OcppCallErrorException(OcppErrorCode.GenericError, "no");
        });
        await using var csms = new RunningConnection(pair.Server, handlers);
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync("""[2,"a2","Heartbeat",{}]""");
        AssertCallError(JsonDocument.Parse(await raw.ReceiveAsync()).RootElement, "a2", "GenericError");
        await Task.Delay(200);

        Assert.False(ran);
    }

    [Fact]
    public async Task A_late_answer_to_a_timed_out_call_is_logged_as_late_and_an_unknown_one_as_unmatched()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var station = new OcppRpcConnection(pair.Client, "CP-LATE", new OcppHandlerRegistry(),
            new OcppRpcOptions { CallTimeout = TimeSpan.FromMilliseconds(200) }, loggerFactory: loggerFactory);
        var running = station.RunAsync();
        var raw = new RawPeer(pair.Server);

        var call = station.CallAsync(new HeartbeatRequest());
        var sent = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;
        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => call);
        await raw.SendAsync($$"""[3,"{{sent[1].GetString()}}",{"currentTime":"2026-11-23T12:00:00Z"}]""");
        await raw.SendAsync("""[3,"never-asked",{}]""");
        await Sql.EventuallyAsync(() => Task.FromResult(logs.Entries.Any(entry => entry.EventName == "UnmatchedResponseDropped")));

        Assert.Contains(logs.Entries, entry => entry is { EventName: "LateResponseDropped", Level: LogLevel.Information }
            && entry.Message.Contains("Heartbeat"));
        Assert.Single(logs.Entries, entry => entry.EventName == "UnmatchedResponseDropped" && entry.Message.Contains("never-asked"));
        await station.DisposeAsync();
        await running;
    }

    private static void AssertCallError(JsonElement frame, string messageId, string code)
    {
        Assert.Equal(4, frame[0].GetInt32());
        Assert.Equal(messageId, frame[1].GetString());
        Assert.Equal(code, frame[2].GetString());
        Assert.True(frame[3].GetString()!.Length <= 255);
        Assert.Equal(JsonValueKind.Object, frame[4].ValueKind);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
