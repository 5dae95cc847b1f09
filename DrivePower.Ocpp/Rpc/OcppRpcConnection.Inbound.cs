using System.Diagnostics;
using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    /// <summary>Answers inbound CALLs one after another, in arrival order, off the receive loop.</summary>
    private async Task ProcessInboundCallsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var call in _inboundCalls.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The connection is closing: unanswered CALLs die with it, as the peer's do.
        }
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
    /// inbound queue; its failure is logged.
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
        using var activity = OcppRpcTelemetry.StartCall(call.Action, StationId, call.MessageId, inbound: true);
        var started = Stopwatch.GetTimestamp();
        var scope = new AnswerScope(this);
        CurrentAnswer.Value = scope;
        var answer = await DispatchAsync(call, cancellationToken).ConfigureAwait(false);
        CurrentAnswer.Value = null; // follow-ups started below must not see the scope
        var errorCode = (answer as CallErrorFrame)?.ErrorCode;
        _telemetry.RecordCall(activity, call.Action, inbound: true, errorCode is null ? "result" : "error", errorCode, Stopwatch.GetElapsedTime(started));

        try
        {
            await SendFrameAsync(answer, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppConnectionClosedException)
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
        if (CallFilter?.Invoke(context) is { } refusal)
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
