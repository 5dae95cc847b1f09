using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DrivePower.Csms.Events;

/// <summary>
/// In-process publish/subscribe of <see cref="StationEvent"/>s. Each subscriber has its own bounded
/// queue: a slow subscriber loses its oldest events, never slows the stations down.
/// </summary>
public sealed class StationEventHub
{
    private const int QueueCapacity = 1024;
    private readonly ConcurrentDictionary<Guid, Channel<StationEvent>> _subscribers = new();

    public void Publish(StationEvent stationEvent)
    {
        foreach (var subscriber in _subscribers.Values)
            subscriber.Writer.TryWrite(stationEvent);
    }

    public async IAsyncEnumerable<StationEvent> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<StationEvent>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers[id] = channel;
        try
        {
            await foreach (var stationEvent in channel.Reader.ReadAllAsync(cancellationToken))
                yield return stationEvent;
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }

    public int SubscriberCount => _subscribers.Count;
}
