using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The station's ordered queue of messages to the CSMS (statuses, transaction events), sent one by one
/// once the CSMS has accepted the station; a message waits until the one before it is done.
/// Transaction messages are delivered reliably (OCPP 2.0.1 E13): they survive a lost connection, and
/// one the CSMS answers with a CALLERROR or not at all is sent again, up to
/// <see cref="DeviceModel.MessageAttempts"/> times in all, <see cref="DeviceModel.MessageAttemptInterval"/>
/// times the attempts so far apart, then given up (a Warning). A status notification is dropped with
/// its connection (every connector is reported again) and on a CALLERROR.
/// </summary>
internal sealed class StationOutbox(string stationId, DeviceModel deviceModel, ILogger logger, EmulatorMetrics metrics)
{
    private readonly Lock _sync = new();
    private readonly LinkedList<Item> _items = new();
    private readonly SemaphoreSlim _signal = new(0);

    private sealed record Item(string Action, string? TransactionId, string Subject, Func<OcppRpcConnection, CancellationToken, Task> Send)
    {
        public int Attempts { get; set; }

        public DateTimeOffset NotBefore { get; set; }

        public bool IsTransactionMessage => TransactionId is not null;
    }

    public void Enqueue<TResponse>(IOcppRequest<TResponse> request, string? transactionId = null, Action<TResponse>? onAnswer = null, string? subject = null)
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType()).Name;
        lock (_sync)
            _items.AddLast(new Item(action, transactionId, subject ?? transactionId ?? action, async (connection, cancellationToken) =>
            {
                var response = await connection.CallAsync(request, cancellationToken).ConfigureAwait(false);
                onAnswer?.Invoke(response);
            }));
        _signal.Release();
    }

    /// <summary>Whether transaction events (of this transaction, or any) wait to be sent.</summary>
    public bool HasTransactionMessages(string? transactionId)
    {
        lock (_sync)
            return _items.Any(item => item.TransactionId is not null && (transactionId is null || item.TransactionId == transactionId));
    }

    public bool IsEmpty
    {
        get
        {
            lock (_sync)
                return _items.Count == 0;
        }
    }

    /// <summary>The connection is gone: statuses are stale, transaction events stay.</summary>
    public void DropStatuses()
    {
        lock (_sync)
        {
            for (var node = _items.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.TransactionId is null)
                    _items.Remove(node);
                node = next;
            }
        }
    }

    /// <summary>Sends queued messages in order until the connection closes or the token is cancelled.</summary>
    public async Task DrainAsync(OcppRpcConnection connection, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            while (TryPeek(out var item))
            {
                if (item.NotBefore - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                try
                {
                    await item.Send(connection, cancellationToken).ConfigureAwait(false);
                    metrics.MessageSent(ok: true);
                }
                catch (Exception exception) when (exception is OcppConnectionClosedException or OperationCanceledException)
                {
                    return; // stays queued for the next connection; a lost connection is not a failed attempt
                }
                catch (Exception exception) when (exception is OcppCallErrorException or OcppCallTimeoutException)
                {
                    metrics.MessageSent(ok: false);
                    if (!Failed(item, exception))
                        continue; // sent again after the wait
                }
                catch (OcppValidationException exception)
                {
                    metrics.MessageSent(ok: false);
                    StationLog.CallFailed(logger, stationId, item.Action, exception.Message); // our own bug: repeating can't help
                }

                Remove(item);
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts a failed attempt; true when the message is done with (dropped or given up), false when it is to be sent again.</summary>
    private bool Failed(Item item, Exception exception)
    {
        var attempts = ++item.Attempts;
        if (!item.IsTransactionMessage)
        {
            if (exception is OcppCallTimeoutException)
                return false; // the CSMS is slow: a status is still worth sending
            StationLog.CallFailed(logger, stationId, item.Action, exception.Message); // a refusal: don't repeat it
            return true;
        }

        var allowed = deviceModel.MessageAttempts;
        if (attempts >= allowed)
        {
            StationLog.DeliveryGivenUp(logger, stationId, item.Action, item.Subject, attempts, exception.Message);
            return true;
        }

        var wait = deviceModel.MessageAttemptInterval * attempts;
        item.NotBefore = DateTimeOffset.UtcNow + wait;
        StationLog.DeliveryRetrying(logger, stationId, item.Action, item.Subject, attempts, allowed, wait.TotalSeconds, exception.Message);
        return false;
    }

    private bool TryPeek(out Item item)
    {
        lock (_sync)
        {
            item = _items.First?.Value!;
            return item is not null;
        }
    }

    private void Remove(Item item)
    {
        lock (_sync)
            _items.Remove(item);
    }
}
