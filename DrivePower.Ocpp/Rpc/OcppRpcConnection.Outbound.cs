using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    private readonly SemaphoreSlim _callLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCall> _pending = new(StringComparer.Ordinal);

    private sealed record PendingCall(string Action, TaskCompletionSource<JsonElement> Answer);

    /// <summary>How many timed-out or cancelled CALL ids are remembered, to tell a late answer from an unknown one.</summary>
    private const int AbandonedCallsRemembered = 32;

    private readonly ConcurrentQueue<(string MessageId, string Action)> _abandoned = new();

    /// <summary>Sends a typed CALL and returns the peer's typed response.</summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType());
        var payload = JsonSerializer.SerializeToElement(request, action.Request);
        var response = await CallAsync(action.Name, payload, cancellationToken).ConfigureAwait(false);
        return (TResponse)response.Deserialize(action.Response)!;
    }

    /// <summary>
    /// Sends a CALL and returns the peer's response payload, validated against the action's schema.
    /// One CALL is in flight at a time: later ones wait their turn. Throws
    /// <see cref="OcppValidationException"/> (the payload is invalid: nothing is sent, or the response is),
    /// <see cref="OcppCallErrorException"/> (the peer answered CALLERROR), <see cref="OcppCallTimeoutException"/>
    /// (no answer in time), <see cref="OcppSendTimeoutException"/> (the CALL could not even be sent: the peer
    /// stopped reading, and the connection is aborted), or <see cref="OcppConnectionClosedException"/>.
    /// </summary>
    public async Task<JsonElement> CallAsync(string actionName, JsonElement payload, CancellationToken cancellationToken = default)
    {
        var action = OcppActions.Find(actionName)
            ?? throw new ArgumentException($"'{actionName}' is not a known OCPP action.", nameof(actionName));
        ThrowIfInvalid(action, payload, outbound: true);
        if (_closing.IsCancellationRequested)
            throw new OcppConnectionClosedException(StationId);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closingToken);
        try
        {
            await _callLock.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException(StationId);
        }
        catch (ObjectDisposedException)
        {
            throw new OcppConnectionClosedException(StationId);
        }

        try
        {
            return await SendAndAwaitAsync(action, payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReleaseQuietly(_callLock);
        }
    }

    private async Task<JsonElement> SendAndAwaitAsync(OcppAction action, JsonElement payload, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var pending = new PendingCall(action.Name, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[messageId] = pending;
        if (_closing.IsCancellationRequested)
            pending.Answer.TrySetException(new OcppConnectionClosedException(StationId));

        using var activity = OcppRpcTelemetry.StartCall(action.Name, StationId, messageId, inbound: false);
        if (_options.PropagateTraceContext && (activity ?? Activity.Current) is { } span)
            payload = OcppTraceContext.Inject(payload, span.Context);
        var started = Stopwatch.GetTimestamp();
        var (outcome, errorCode) = ("result", (string?)null);
        try
        {
            await SendFrameAsync(new CallFrame(messageId, action.Name, payload), cancellationToken).ConfigureAwait(false);
            var response = await pending.Answer.Task.WaitAsync(_options.CallTimeout, cancellationToken).ConfigureAwait(false);
            ThrowIfInvalid(action, response, outbound: false);
            return response;
        }
        catch (OcppSendTimeoutException)
        {
            outcome = "send_timeout";
            throw;
        }
        catch (TimeoutException)
        {
            (outcome, errorCode) = ("timeout", null);
            throw new OcppCallTimeoutException(action.Name, _options.CallTimeout);
        }
        catch (OcppCallErrorException error)
        {
            (outcome, errorCode) = ("error", error.ErrorCode);
            throw;
        }
        catch (OcppConnectionClosedException)
        {
            outcome = "closed";
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            _pending.TryRemove(messageId, out _);
            if (outcome is "timeout" or "cancelled")
                RememberAbandoned(messageId, action.Name);
            _telemetry.RecordCall(activity, action.Name, inbound: false, outcome, errorCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private void ThrowIfInvalid(OcppAction action, JsonElement payload, bool outbound)
    {
        var violations = OcppPayloadValidator.Shared.Validate(outbound ? action.Request : action.Response, payload);
        if (violations.Count == 0)
            return;
        if (outbound)
            Log.InvalidOutboundPayload(_logger, StationId, action.Name, Describe(violations));
        throw new OcppValidationException(action.Name, outbound, violations);
    }

    /// <summary>Matches a CALLRESULT or CALLERROR to its pending CALL; late and unknown answers are logged and dropped.</summary>
    private void CompletePendingCall(OcppFrame frame)
    {
        if (!_pending.TryGetValue(frame.MessageId, out var pending))
        {
            if (_abandoned.FirstOrDefault(call => call.MessageId == frame.MessageId) is { Action: { } action })
                Log.LateResponseDropped(_logger, StationId, frame.Type.ToString(), action, frame.MessageId);
            else
                Log.UnmatchedResponseDropped(_logger, StationId, frame.Type.ToString(), frame.MessageId);
            return;
        }

        var completed = frame is CallErrorFrame error
            ? pending.Answer.TrySetException(new OcppCallErrorException(error.ErrorCode, error.ErrorDescription, error.ErrorDetails))
            : pending.Answer.TrySetResult(((CallResultFrame)frame).Payload);
        if (!completed)
            Log.UnmatchedResponseDropped(_logger, StationId, frame.Type.ToString(), frame.MessageId);
    }

    private void RememberAbandoned(string messageId, string action)
    {
        _abandoned.Enqueue((messageId, action));
        while (_abandoned.Count > AbandonedCallsRemembered)
            _abandoned.TryDequeue(out _);
    }

    private void FailPendingCalls()
    {
        foreach (var (_, pending) in _pending)
            pending.Answer.TrySetException(new OcppConnectionClosedException(StationId));
    }
}
