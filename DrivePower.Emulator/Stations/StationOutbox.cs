using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The station's ordered queue of messages to the CSMS (statuses, transaction events), sent one by one
/// once the CSMS has accepted the station. Transaction events survive a lost connection and are sent,
/// in order, after the next boot; status notifications do not (every connector is reported again).
/// </summary>
internal sealed class StationOutbox(string stationId, ILogger logger, EmulatorMetrics metrics)
{
    private readonly Lock _sync = new();
    private readonly LinkedList<Item> _items = new();
    private readonly SemaphoreSlim _signal = new(0);

    private sealed record Item(string Action, string? TransactionId, Func<OcppRpcConnection, CancellationToken, Task> Send);

    public void Enqueue<TResponse>(IOcppRequest<TResponse> request, string? transactionId = null, Action<TResponse>? onAnswer = null)
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType()).Name;
        lock (_sync)
            _items.AddLast(new Item(action, transactionId, async (connection, cancellationToken) =>
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
                try
                {
                    await item.Send(connection, cancellationToken).ConfigureAwait(false);
                    metrics.MessageSent(ok: true);
                }
                catch (Exception exception) when (exception is OcppConnectionClosedException or OperationCanceledException)
                {
                    return; // stays queued for the next connection
                }
                catch (OcppCallTimeoutException exception)
                {
                    metrics.MessageSent(ok: false);
                    StationLog.CallFailed(logger, stationId, item.Action, exception.Message);
                    continue; // the CSMS is slow: send it again
                }
                catch (Exception exception) when (exception is OcppCallErrorException or OcppValidationException)
                {
                    metrics.MessageSent(ok: false);
                    StationLog.CallFailed(logger, stationId, item.Action, exception.Message); // a refusal: don't repeat it
                }

                Remove(item);
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
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
