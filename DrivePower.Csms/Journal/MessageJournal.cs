using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Journal;

/// <summary>
/// Captures every OCPP frame of the station connections (as their <see cref="IOcppFrameObserver"/>)
/// into a bounded in-memory queue that <see cref="JournalWriter"/> writes to PostgreSQL in batches,
/// off the station's path: capturing never waits. When the queue is full (in frames or in payload
/// text) a frame is dropped and counted (<see cref="Dropped"/>, <c>ocpp.journal.dropped</c>, a warning
/// at most every 10 s). Written frames go on to live subscribers (<see cref="SubscribeAsync"/>).
/// </summary>
public sealed partial class MessageJournal : IOcppFrameObserver
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);
    private const int SubscriberCapacity = 1024;

    private readonly Channel<JournalEntry> _queue;
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();
    private readonly long _maxQueuedChars;
    private readonly JournalTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger<MessageJournal> _logger;
    private long _queuedChars;
    private long _dropped;
    private long _droppedSinceWarning;
    private long _nextWarningTicks;
    private volatile bool _completed;

    public MessageJournal(IOptions<JournalOptions> options, JournalTelemetry telemetry, TimeProvider time, ILogger<MessageJournal> logger)
    {
        Options = options.Value;
        _queue = Channel.CreateBounded<JournalEntry>(new BoundedChannelOptions(Options.QueueCapacity) { SingleReader = true });
        _maxQueuedChars = Options.QueueMegabytes * 1024L * 1024L / sizeof(char);
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
    }

    public JournalOptions Options { get; }

    /// <summary>What station connections are given: this journal, or null when it is disabled (then they do nothing extra).</summary>
    public IOcppFrameObserver? Observer => Options.Enabled ? this : null;

    /// <summary>Frames lost since start: the queue was full, or their batch could not be written.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames waiting to be written.</summary>
    public int Queued => _queue.Reader.Count;

    public int SubscriberCount => _subscribers.Count;

    internal ChannelReader<JournalEntry> Queue => _queue.Reader;

    public void OnFrame(in OcppObservedFrame frame, ReadOnlySpan<byte> utf8)
    {
        var entry = Capture(frame, utf8);
        if (Interlocked.Add(ref _queuedChars, entry.Payload.Length) > _maxQueuedChars)
        {
            Interlocked.Add(ref _queuedChars, -entry.Payload.Length);
            Lost(1, "queue_full");
        }
        else if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Add(ref _queuedChars, -entry.Payload.Length);
            if (!_completed)
                Lost(1, "queue_full");
        }
    }

    /// <summary>Stops taking frames (the CSMS is stopping); the writer drains what is queued.</summary>
    internal void Complete()
    {
        _completed = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>The writer took <paramref name="entry"/> off the queue.</summary>
    internal void Dequeued(JournalEntry entry) => Interlocked.Add(ref _queuedChars, -entry.Payload.Length);

    /// <summary>
    /// A batch is stored under <paramref name="ids"/>: counted, and handed to live subscribers with
    /// their ids (copies made only when someone listens: most of the time no one does).
    /// </summary>
    internal void Written(IReadOnlyList<JournalEntry> batch, long[] ids)
    {
        _telemetry.Written(batch.Count);
        if (_subscribers.IsEmpty)
            return;
        var entries = new JournalEntry[batch.Count];
        for (var i = 0; i < entries.Length; i++)
            entries[i] = batch[i] with { Id = ids[i] };
        foreach (var subscriber in _subscribers.Values)
        {
            foreach (var entry in entries)
            {
                if (subscriber.Filter?.Matches(entry) != false)
                    subscriber.Channel.Writer.TryWrite(entry);
            }
        }
    }

    /// <summary>Frames lost: counted, and warned about at most every 10 s (with how many since the last warning).</summary>
    internal void Lost(int count, string reason)
    {
        Interlocked.Add(ref _dropped, count);
        Interlocked.Add(ref _droppedSinceWarning, count);
        _telemetry.Dropped(count, reason);
        var now = _time.GetTimestamp();
        var next = Interlocked.Read(ref _nextWarningTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextWarningTicks, now + (long)(WarningInterval.TotalSeconds * _time.TimestampFrequency), next) != next)
            return;
        Log.FramesDropped(_logger, Interlocked.Exchange(ref _droppedSinceWarning, 0), reason, Dropped);
    }

    /// <summary>
    /// The frames written from now on that match <paramref name="filter"/> (all when null), in order.
    /// The subscription starts at once, not at the first MoveNextAsync, and ends with the enumeration or
    /// <paramref name="cancellationToken"/>. A subscriber that reads too slowly loses its oldest frames
    /// (at most 1024 wait), never slows the stations.
    /// </summary>
    public IAsyncEnumerable<JournalEntry> SubscribeAsync(JournalFilter? filter, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var subscriber = new Subscriber(filter, Channel.CreateBounded<JournalEntry>(
            new BoundedChannelOptions(SubscriberCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }));
        _subscribers[id] = subscriber;
        var unsubscribe = cancellationToken.Register(() => _subscribers.TryRemove(id, out _));
        return ReadAsync(id, subscriber, unsubscribe, cancellationToken);
    }

    private async IAsyncEnumerable<JournalEntry> ReadAsync(
        Guid id, Subscriber subscriber, CancellationTokenRegistration unsubscribe, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var entry in subscriber.Channel.Reader.ReadAllAsync(cancellationToken))
                yield return entry;
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
            await unsubscribe.DisposeAsync();
        }
    }

    private JournalEntry Capture(in OcppObservedFrame observed, ReadOnlySpan<byte> utf8)
    {
        var direction = observed.Direction == OcppFrameDirection.Received ? JournalDirection.StationToCsms : JournalDirection.CsmsToStation;
        var at = _time.GetUtcNow();
        var action = Storable(observed.Action);
        return observed.Frame switch
        {
            CallFrame call => new(0, observed.StationId, direction, JournalFrameType.Call, Storable(call.MessageId), action,
                call.Payload.GetRawText(), null, null, at),
            CallResultFrame result => new(0, observed.StationId, direction, JournalFrameType.CallResult, Storable(result.MessageId), action,
                result.Payload.GetRawText(), null, null, at),
            CallErrorFrame error => new(0, observed.StationId, direction, JournalFrameType.CallError, Storable(error.MessageId), action,
                error.ErrorDetails.GetRawText(), Storable(error.ErrorCode), Storable(error.ErrorDescription), at),
            _ => new(0, observed.StationId, direction, JournalFrameType.Malformed, null, null, Storable(Encoding.UTF8.GetString(utf8))!, null, null, at),
        };
    }

    /// <summary>PostgreSQL text cannot hold U+0000; a peer's text may (decoded from \u0000), so it is replaced.</summary>
    private static string? Storable(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    private sealed record Subscriber(JournalFilter? Filter, Channel<JournalEntry> Channel);

    private static partial class Log
    {
        [LoggerMessage(700, LogLevel.Warning, "Message journal: {Count} frames dropped ({Reason}) since the last warning, {Total} in all; the stations were not slowed", EventName = "JournalFramesDropped")]
        public static partial void FramesDropped(ILogger logger, long count, string reason, long total);
    }
}
