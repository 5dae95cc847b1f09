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

    /// <summary>
    /// The one CALL of ours waiting for its answer: OCPP allows one in flight per direction, and
    /// <see cref="_callLock"/> keeps it so, so a field does what a dictionary per connection would.
    /// </summary>
    private volatile PendingCall? _inFlight;

    private sealed record PendingCall(string MessageId, string Action, TaskCompletionSource<JsonElement> Answer);

    /// <summary>How many timed-out or cancelled CALL ids are remembered, to tell a late answer from an unknown one.</summary>
    private const int AbandonedCallsRemembered = 32;

    /// <summary>Made on the first abandoned CALL: most connections never have one, and thousands stay idle.</summary>
    private ConcurrentQueue<(string MessageId, string Action)>? _abandoned;

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
        var pending = new PendingCall(messageId, action.Name, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        _inFlight = pending;
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
            Interlocked.CompareExchange(ref _inFlight, null, pending);
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
        if (_inFlight is not { } pending || pending.MessageId != frame.MessageId)
        {
            if (_abandoned?.FirstOrDefault(call => call.MessageId == frame.MessageId) is { Action: { } action })
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
        var abandoned = LazyInitializer.EnsureInitialized(ref _abandoned);
        abandoned.Enqueue((messageId, action));
        while (abandoned.Count > AbandonedCallsRemembered)
            abandoned.TryDequeue(out _);
    }

    private void FailPendingCalls()
    {
        _inFlight?.Answer.TrySetException(new OcppConnectionClosedException(StationId));
    }
}
