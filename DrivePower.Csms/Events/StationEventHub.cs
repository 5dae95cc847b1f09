using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Events;

/// <summary>A published event with its id: 1, 2, 3, ... in publication order (from 1 again after a restart).</summary>
public sealed record StationEventRecord(long Id, StationEvent Event);

/// <summary>
/// A subscription: <see cref="Events"/> yields the missed events asked for (replayed from the ring) and
/// then the live ones. <see cref="Gap"/> means the events after the requested id are no longer all in
/// the ring (or the id is from before a restart): the subscriber has missed some and should reload.
/// </summary>
public sealed record StationEventSubscription(bool Gap, long LastId, IAsyncEnumerable<StationEventRecord> Events);

/// <summary>
/// In-process publish/subscribe of <see cref="StationEvent"/>s. Every event gets the next id and goes
/// into a bounded ring of the latest <see cref="CsmsOptions.EventsReplayCapacity"/>, so a reconnecting
/// client can ask for what it missed. Each subscriber has its own bounded queue: a slow subscriber loses
/// its oldest events, never slows the stations down. Frequent events (heartbeats, meter values) are
/// worth making only while someone wants them: publishers ask <see cref="WantsFrequentEvents"/> first.
/// </summary>
public sealed class StationEventHub(IOptions<CsmsOptions> options)
{
    private const int QueueCapacity = 1024;
    private readonly Lock _gate = new();
    private readonly StationEventRecord?[] _ring = new StationEventRecord?[options.Value.EventsReplayCapacity];
    private readonly Dictionary<Guid, Subscriber> _subscribers = [];
    private long _lastId;
    private int _ringCount;
    private int _frequentSubscribers;

    /// <summary>True while a subscriber takes frequent events (heartbeats, meter values); publish those only then.</summary>
    public bool WantsFrequentEvents => Volatile.Read(ref _frequentSubscribers) > 0;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
                return _subscribers.Count;
        }
    }

    /// <summary>The id of the latest event (0: none yet).</summary>
    public long LastId => Interlocked.Read(ref _lastId);

    public static bool IsFrequent(StationEvent stationEvent) => stationEvent is HeartbeatEvent or MeterValuesEvent;

    /// <summary>Publishes an event: the next id, into the ring, to every subscriber that takes it. Returns its id.</summary>
    public long Publish(StationEvent stationEvent)
    {
        var frequent = IsFrequent(stationEvent);
        lock (_gate)
        {
            var record = new StationEventRecord(++_lastId, stationEvent);
            if (_ring.Length > 0)
            {
                _ring[(int)(record.Id % _ring.Length)] = record;
                _ringCount = Math.Min(_ringCount + 1, _ring.Length);
            }

            foreach (var subscriber in _subscribers.Values)
            {
                if (!frequent || subscriber.IncludeFrequent)
                    subscriber.Channel.Writer.TryWrite(record);
            }

            return record.Id;
        }
    }

    /// <summary>The live events without ids and without the frequent ones (the log's view), from the first MoveNextAsync on.</summary>
    public async IAsyncEnumerable<StationEvent> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in Subscribe(lastEventId: null, includeFrequent: false, cancellationToken).Events.WithCancellation(cancellationToken))
            yield return record.Event;
    }

    /// <summary>
    /// Subscribes at once (not at the first MoveNextAsync): events published from now on, preceded by the
    /// ring's events after <paramref name="lastEventId"/> when given and still all there (else <see cref="StationEventSubscription.Gap"/>).
    /// Ends with the enumeration or <paramref name="cancellationToken"/>.
    /// </summary>
    public StationEventSubscription Subscribe(long? lastEventId, bool includeFrequent, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var subscriber = new Subscriber(includeFrequent, Channel.CreateBounded<StationEventRecord>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }));
        List<StationEventRecord> missed = [];
        bool gap;
        long lastId;
        lock (_gate)
        {
            _subscribers[id] = subscriber;
            if (includeFrequent)
                Interlocked.Increment(ref _frequentSubscribers);
            lastId = _lastId;
            var oldest = _lastId - _ringCount + 1; // the oldest id still in the ring
            gap = lastEventId is { } last && (last > _lastId || last < oldest - 1);
            if (lastEventId is { } after && !gap)
            {
                for (var next = after + 1; next <= _lastId; next++)
                {
                    var record = _ring[(int)(next % _ring.Length)]!;
                    if (includeFrequent || !IsFrequent(record.Event))
                        missed.Add(record);
                }
            }
        }

        var unsubscribe = cancellationToken.Register(() => Unsubscribe(id));
        return new StationEventSubscription(gap, lastId, ReadAsync(id, missed, subscriber, unsubscribe, cancellationToken));
    }

    private async IAsyncEnumerable<StationEventRecord> ReadAsync(
        Guid id, List<StationEventRecord> missed, Subscriber subscriber, CancellationTokenRegistration unsubscribe,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            foreach (var record in missed)
                yield return record;
            await foreach (var record in subscriber.Channel.Reader.ReadAllAsync(cancellationToken))
                yield return record;
        }
        finally
        {
            Unsubscribe(id);
            await unsubscribe.DisposeAsync();
        }
    }

    private void Unsubscribe(Guid id)
    {
        lock (_gate)
        {
            if (_subscribers.Remove(id, out var subscriber) && subscriber.IncludeFrequent)
                Interlocked.Decrement(ref _frequentSubscribers);
        }
    }

    private sealed record Subscriber(bool IncludeFrequent, Channel<StationEventRecord> Channel);
}
