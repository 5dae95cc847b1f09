using System.Diagnostics;
using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    // The inbound turn: one CALL answered at a time, in arrival order, the others waiting in a queue
    // made on first need. No channel and no consumer loop per connection: an idle station holds none
    // of it, and a CALL that finds the turn free is answered straight from the receive loop, without
    // a hop to another thread.
    private readonly Lock _inboundLock = new();
    private Queue<CallFrame>? _waitingCalls;
    private bool _answering;
    private Task _answerTurn = Task.CompletedTask;
    private TaskCompletionSource? _roomForCalls;

    /// <summary>
    /// Answers the CALL now if none is being answered, else queues it. While <see cref="OcppRpcOptions.MaxQueuedCalls"/>
    /// wait already this waits, and with it the receive loop: the socket is not read until the CALLs
    /// ahead are answered (back-pressure on a flooding peer).
    /// </summary>
    private async ValueTask QueueAsync(CallFrame call, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_inboundLock)
            {
                if (_closing.IsCancellationRequested)
                    return; // the connection is closing and the CALL dies with it
                if (!_answering)
                {
                    _answering = true;
                    break;
                }

                _waitingCalls ??= new Queue<CallFrame>();
                if (_waitingCalls.Count < _options.MaxQueuedCalls)
                {
                    _waitingCalls.Enqueue(call);
                    return;
                }

                room = (_roomForCalls ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            Log.InboundQueueFull(_logger, StationId, _options.MaxQueuedCalls);
            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _answerTurn = AnswerInTurnAsync(call, cancellationToken);
    }

    /// <summary>
    /// Answers <paramref name="call"/> and then each CALL that queued meanwhile. Only the connection's
    /// own cancellation stops it; a CALL whose answer fails any other way is logged.
    /// </summary>
    private async Task AnswerInTurnAsync(CallFrame call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The connection is closing: unanswered CALLs die with it, as the peer's do.
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.AnswerFailed(_logger, exception, StationId, call.Action, call.MessageId);
            }

            lock (_inboundLock)
            {
                if (cancellationToken.IsCancellationRequested || _waitingCalls is not { Count: > 0 })
                {
                    _answering = false;
                    _waitingCalls = null; // an idle connection keeps no queue
                    ReleaseWaitingReader();
                    return;
                }

                call = _waitingCalls.Dequeue();
                ReleaseWaitingReader();
            }
        }
    }

    /// <summary>Lets a receive loop that waits for room in the queue go on (called under the inbound lock).</summary>
    private void ReleaseWaitingReader()
    {
        _roomForCalls?.TrySetResult();
        _roomForCalls = null;
    }

    /// <summary>The CALL being answered, if any, once the connection stops (no CALL starts after that).</summary>
    private Task AnswerTurnEnded()
    {
        lock (_inboundLock)
            return _answering ? _answerTurn : Task.CompletedTask;
    }

    private static readonly AsyncLocal<AnswerScope?> CurrentAnswer = new();

    /// <summary>The work a handler deferred with <see cref="AfterAnswer"/> while answering one CALL.</summary>
    private sealed class AnswerScope(OcppRpcConnection owner)
    {
        public OcppRpcConnection Owner { get; } = owner;

        public List<Func<Task>> Work { get; } = [];
    }

    /// <summary>
    /// Runs <paramref name="work"/> (say, the StatusNotification a ChangeAvailability causes) once the
    /// answer to the CALL being handled is on the wire, so the peer always gets the answer first.
    /// Called outside a handler of this connection, the work starts at once. The work runs off the
    /// inbound turn; its failure is logged.
    /// </summary>
    public void AfterAnswer(Func<Task> work)
    {
        if (CurrentAnswer.Value is { } scope && scope.Owner == this)
        {
            lock (scope.Work)
                scope.Work.Add(work);
        }
        else
        {
            RunInBackground(work);
        }
    }

    private async Task AnswerAsync(CallFrame call, CancellationToken cancellationToken)
    {
        // The handler's span (and the SQL spans under it) belong to the peer's trace when the CALL carries
        // one, else to a trace of its own, never to whatever span was current when the connection started.
        // This method is async, so clearing Activity.Current here does not reach the caller.
        Activity.Current = null;
        OcppTraceContext.TryExtract(call.Payload, out var remoteParent);
        using var activity = OcppRpcTelemetry.StartCall(call.Action, StationId, call.MessageId, inbound: true, remoteParent);
        var started = Stopwatch.GetTimestamp();
        var scope = new AnswerScope(this);
        CurrentAnswer.Value = scope;
        var answer = await DispatchAsync(call, cancellationToken).ConfigureAwait(false);
        CurrentAnswer.Value = null; // follow-ups started below must not see the scope
        var errorCode = (answer as CallErrorFrame)?.ErrorCode;
        _telemetry.RecordCall(activity, call.Action, inbound: true, errorCode is null ? "result" : "error", errorCode, Stopwatch.GetElapsedTime(started));

        try
        {
            await SendFrameAsync(answer, cancellationToken, call.Action).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OcppConnectionClosedException or OcppSendTimeoutException)
        {
            Log.AnswerLost(_logger, StationId, call.Action, call.MessageId);
            return;
        }

        if (answer is CallResultFrame)
        {
            lock (scope.Work)
                scope.Work.ForEach(RunInBackground);
        }
    }

    private void RunInBackground(Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.AfterAnswerFailed(_logger, exception, StationId);
        }
    });

    private async Task<OcppFrame> DispatchAsync(CallFrame call, CancellationToken cancellationToken)
    {
        var context = new OcppCallContext(this, call.MessageId, call.Action, call.Payload);
        OcppError? refusal;
        try
        {
            refusal = CallFilter?.Invoke(context);
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(_logger, exception, StationId, call.Action, call.MessageId);
            return CallErrorFrame.Create(call.MessageId, OcppErrorCode.InternalError, $"An internal error occurred while handling {OcppText.Quote(call.Action)}.");
        }

        if (refusal is not null)
            return CallErrorFrame.Create(call.MessageId, refusal.Code, refusal.Description);

        var action = OcppActions.Find(call.Action);
        if (action is null)
            return CallErrorFrame.Create(call.MessageId, OcppErrorCode.NotImplemented, $"Action {OcppText.Quote(call.Action)} is not known.");
        if (!_handlers.TryGet(action.Name, out var handler))
            return CallErrorFrame.Create(call.MessageId, OcppErrorCode.NotSupported, $"Action '{action.Name}' is not supported by this endpoint.");

        var violations = OcppPayloadValidator.Shared.Validate(action.Request, call.Payload);
        if (violations.Count > 0)
            return violations.ToCallError(call.MessageId);

        JsonElement response;
        try
        {
            response = await handler(context, call.Payload, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppCallErrorException error)
        {
            return new CallErrorFrame(call.MessageId, error.ErrorCode, CallErrorFrame.FitDescription(error.Description), error.Details);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(_logger, exception, StationId, call.Action, call.MessageId);
            return CallErrorFrame.Create(call.MessageId, OcppErrorCode.InternalError, $"An internal error occurred while handling {action.Name}.");
        }

        var responseViolations = OcppPayloadValidator.Shared.Validate(action.Response, response);
        if (responseViolations.Count > 0)
        {
            // Our own bug: never put an invalid payload on the wire.
            Log.InvalidOutboundPayload(_logger, StationId, action.Name, Describe(responseViolations));
            return CallErrorFrame.Create(call.MessageId, OcppErrorCode.InternalError, $"An internal error occurred while handling {action.Name}.");
        }

        return new CallResultFrame(call.MessageId, response);
    }

    /// <summary>The violations for a log line: each names its JSON path.</summary>
    internal static string Describe(IReadOnlyList<OcppViolation> violations) =>
        string.Join("; ", violations.Select(violation => violation.Description));
}
