using System.Diagnostics;
using System.Threading.Channels;

namespace DrivePower.Csms.Data.Batching;

/// <summary>
/// Group commit: writes from many stations are queued and written together, one transaction per
/// batch, and each caller's task completes only when the batch holding its write has committed, so
/// nothing is acknowledged before it is durable. A batch takes what is queued when the writer gets
/// to it (up to <see cref="WriteBatchingOptions.MaxBatchSize"/>): a lone station never waits for a
/// batch to fill, and under load the queue grows while a batch commits, so batches grow with load.
/// The queue is bounded: when it is full, callers wait (back-pressure) instead of memory growing.
/// A batch the database refuses for a value or a conflict (one station's write at fault) is written
/// again one write at a time, so that only that write fails; a batch that fails because the database
/// is away fails exactly its own writes. One station never has two writes queued: OCPP lets it send
/// one CALL at a time, and its next CALL comes after this one's answer, so per-station order is kept.
/// </summary>
public sealed partial class WriteBatcher<T> : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _writeBatch;
    private readonly int _maxBatchSize;
    private readonly string _what;
    private readonly ILogger _logger;
    private readonly Task[] _writers;
    private long _batches;

    public WriteBatcher(
        string what,
        Func<IReadOnlyList<T>, CancellationToken, Task> writeBatch,
        WriteBatchingOptions options,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _what = what;
        _writeBatch = writeBatch;
        _maxBatchSize = options.MaxBatchSize;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Writers == 1,
        });
        _writers = [.. Enumerable.Range(0, options.Writers).Select(_ => Task.Run(WriteBatchesAsync))];
    }

    /// <summary>Batches committed (or failed) so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Completes when <paramref name="item"/> is committed; throws what its batch (or its own write) threw.</summary>
    public async Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(item, Activity.Current);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued the write goes ahead; the caller is answered by its outcome, never before it.
        await pending.Committed.Task;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            if (batch.Count > 0)
                await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingWrite> batch)
    {
        Interlocked.Increment(ref _batches);
        using var span = StartSpan(batch);
        try
        {
            await _writeBatch([.. batch.Select(p => p.Item)], CancellationToken.None);
            foreach (var pending in batch)
                pending.Committed.TrySetResult();
        }
        catch (StorageRefusedException) when (batch.Count > 1)
        {
            Log.WritingOneByOne(_logger, _what, batch.Count);
            foreach (var pending in batch)
                await WriteAloneAsync(pending);
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
                pending.Committed.TrySetException(exception);
        }
    }

    private async Task WriteAloneAsync(PendingWrite pending)
    {
        try
        {
            await _writeBatch([pending.Item], CancellationToken.None);
            pending.Committed.TrySetResult();
        }
        catch (Exception exception)
        {
            pending.Committed.TrySetException(exception);
        }
    }

    /// <summary>
    /// The batch's span sits under the first caller's span (its handler), linked to the other callers'
    /// (up to <see cref="WriteBatchTelemetry.MaxLinks"/>), so the SQL of a call shows in the call's
    /// trace (without a listener for the batch source, the SQL's spans sit right under the first caller's).
    /// </summary>
    private Activity? StartSpan(List<PendingWrite> batch)
    {
        // Made current here, restored when WriteAsync returns: an async method does not leak it to the loop.
        Activity.Current = batch[0].Caller;
        if (!WriteBatchTelemetry.Source.HasListeners())
            return null;
        var links = batch.Skip(1).Where(p => p.Caller is not null).Take(WriteBatchTelemetry.MaxLinks)
            .Select(p => new ActivityLink(p.Caller!.Context));
        var span = WriteBatchTelemetry.Source.StartActivity($"store {_what}", ActivityKind.Internal, parentContext: default, links: links);
        span?.SetTag("db.operation.batch.size", batch.Count);
        return span;
    }

    /// <summary>Stops taking writes and waits until every queued one is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed class PendingWrite(T item, Activity? caller)
    {
        public T Item { get; } = item;

        /// <summary>The caller's span (the OCPP handler's), still running while it waits for the commit.</summary>
        public Activity? Caller { get; } = caller;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
        [LoggerMessage(170, LogLevel.Warning, "A batch of {Count} writes to {What} was refused for a value; writing them one at a time so only the bad one fails", EventName = "BatchWrittenOneByOne")]
        public static partial void WritingOneByOne(ILogger logger, string what, int count);
    }
}
