using System.Diagnostics;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>Group commit: what is batched together, when a caller is answered, and what a failure fails.</summary>
public sealed class WriteBatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Writes_queued_while_a_batch_commits_go_together_into_the_next_batch()
    {
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1);

        var first = batcher.WriteAsync("first", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        var queued = Enumerable.Range(1, 10).Select(i => batcher.WriteAsync($"queued-{i}", CancellationToken.None)).ToArray();
        database.Open();
        await Task.WhenAll([first, .. queued]).WaitAsync(Wait);

        Assert.Equal([1, 10], database.BatchSizes);
    }

    [Fact]
    public async Task A_caller_is_answered_only_after_its_batch_has_committed()
    {
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1);

        var write = batcher.WriteAsync("durable", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        await Task.Delay(200);
        Assert.False(write.IsCompleted);

        database.Open();
        await write.WaitAsync(Wait);
        Assert.Contains("durable", database.Committed);
    }

    [Fact]
    public async Task A_batch_refused_for_one_bad_value_is_written_one_by_one_so_only_the_bad_write_fails()
    {
        var database = new GatedWrites { Refuse = "bad" };
        await using var batcher = Batcher(database, writers: 1);

        var blocker = batcher.WriteAsync("blocker", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        var good = batcher.WriteAsync("good", CancellationToken.None);
        var bad = batcher.WriteAsync("bad", CancellationToken.None);
        var alsoGood = batcher.WriteAsync("also-good", CancellationToken.None);
        database.Open();

        await Task.WhenAll(blocker, good, alsoGood).WaitAsync(Wait);
        await Assert.ThrowsAsync<StorageRejectedValueException>(() => bad.WaitAsync(Wait));
        Assert.Equal(["also-good", "blocker", "good"], database.Committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_that_fails_for_an_outage_fails_exactly_its_own_writes()
    {
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1);

        var blocker = batcher.WriteAsync("blocker", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        database.FailNextBatch = true;
        var lost = new[] { batcher.WriteAsync("a", CancellationToken.None), batcher.WriteAsync("b", CancellationToken.None) };
        database.Open();
        await blocker.WaitAsync(Wait);
        foreach (var write in lost)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => write.WaitAsync(Wait));

        await batcher.WriteAsync("after", CancellationToken.None).WaitAsync(Wait);
        Assert.Equal(["after", "blocker"], database.Committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_full_queue_makes_the_next_caller_wait_instead_of_growing()
    {
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1, capacity: 2);

        var inFlight = batcher.WriteAsync("in-flight", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        var queued = new[] { batcher.WriteAsync("q1", CancellationToken.None), batcher.WriteAsync("q2", CancellationToken.None) };
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // No room: the caller waits to enqueue, so its cancellation is still heard (a queued write ignores it).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.WriteAsync("no-room", giveUp.Token).WaitAsync(Wait));
        database.Open();
        await Task.WhenAll([inFlight, .. queued]).WaitAsync(Wait);
        Assert.DoesNotContain("no-room", database.Committed);
    }

    [Fact]
    public async Task Disposing_writes_everything_already_queued()
    {
        var database = new GatedWrites();
        var batcher = Batcher(database, writers: 1);
        var first = batcher.WriteAsync("first", CancellationToken.None);
        await database.BatchStarted.WaitAsync(Wait);
        var queued = batcher.WriteAsync("queued", CancellationToken.None);

        var disposing = batcher.DisposeAsync().AsTask();
        database.Open();
        await disposing.WaitAsync(Wait);

        Assert.Equal(["first", "queued"], database.Committed.Order(StringComparer.Ordinal)); // written before DisposeAsync returned
        await Task.WhenAll(first, queued).WaitAsync(Wait);
    }

    [Fact]
    public async Task A_batch_span_sits_under_its_first_callers_span_and_links_every_other_caller()
    {
        using var spans = new RecordedSpans();
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1);

        var blocking = spans.WriteAs(batcher, "blocker", out var blocker);
        await database.BatchStarted.WaitAsync(Wait);
        var writes = new[] { spans.WriteAs(batcher, "first", out var first), spans.WriteAs(batcher, "second", out var second), spans.WriteAs(batcher, "third", out var third) };
        database.Open();
        await Task.WhenAll([blocking, .. writes]).WaitAsync(Wait);

        var batchSpan = spans.BatchOf(3);
        Assert.Same(first, batchSpan.Parent);
        Assert.Equal([second.SpanId, third.SpanId], batchSpan.Links.Select(link => link.Context.SpanId));
        Assert.Same(blocker, spans.BatchOf(1).Parent);
        Assert.Equal(2, spans.Batches.Count());
    }

    [Fact]
    public async Task A_batch_span_links_no_more_callers_than_OpenTelemetry_exports_and_still_tags_the_whole_batch()
    {
        using var spans = new RecordedSpans();
        var database = new GatedWrites();
        await using var batcher = Batcher(database, writers: 1, maxBatchSize: 300);
        const int Callers = WriteBatchTelemetry.MaxLinks + 72;

        var blocking = spans.WriteAs(batcher, "blocker", out _);
        await database.BatchStarted.WaitAsync(Wait);
        var callerSpans = new Activity[Callers];
        var writes = new Task[Callers];
        for (var i = 0; i < Callers; i++)
            writes[i] = spans.WriteAs(batcher, $"caller-{i}", out callerSpans[i]);
        database.Open();
        await Task.WhenAll([blocking, .. writes]).WaitAsync(Wait);

        var batchSpan = spans.BatchOf(Callers);
        Assert.Same(callerSpans[0], batchSpan.Parent);
        Assert.Equal(callerSpans.Skip(1).Take(WriteBatchTelemetry.MaxLinks).Select(span => span.SpanId), batchSpan.Links.Select(link => link.Context.SpanId));
    }

    private static WriteBatcher<string> Batcher(GatedWrites database, int writers, int capacity = 1000, int maxBatchSize = 100) =>
        new("test rows", database.WriteBatchAsync,
            new WriteBatchingOptions { Writers = writers, QueueCapacity = capacity, MaxBatchSize = maxBatchSize }, NullLogger.Instance);

    /// <summary>Records the batch spans, and starts each write under a caller's span of its own.</summary>
    private sealed class RecordedSpans : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;
        private readonly ActivitySource _callers = new("batcher-test");

        public RecordedSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is WriteBatchTelemetry.Name or "batcher-test",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Task WriteAs(WriteBatcher<string> batcher, string caller, out Activity span)
        {
            span = _callers.StartActivity(caller)!;
            var write = batcher.WriteAsync(caller, CancellationToken.None);
            Activity.Current = null;
            return write;
        }

        /// <summary>This class's batch spans only: test classes run in parallel, and other batchers' spans come here too.</summary>
        public IEnumerable<Activity> Batches => _stopped.Where(span => span.Source.Name == WriteBatchTelemetry.Name && span.OperationName == "store test rows");

        /// <summary>The one batch span of <paramref name="size"/> writes.</summary>
        public Activity BatchOf(int size) => Batches.Single(span => span.GetTagItem("db.operation.batch.size") is int count && count == size);

        public void Dispose()
        {
            _listener.Dispose();
            _callers.Dispose();
        }
    }

    /// <summary>A stand-in for the database whose first batch waits until the test opens the gate.</summary>
    private sealed class GatedWrites
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _batchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public string? Refuse { get; init; }

        public bool FailNextBatch { get; set; }

        public List<int> BatchSizes { get; } = [];

        public List<string> Committed { get; } = [];

        public Task BatchStarted => _batchStarted.Task;

        public void Open() => _gate.TrySetResult();

        public async Task WriteBatchAsync(IReadOnlyList<string> rows, CancellationToken cancellationToken)
        {
            _batchStarted.TrySetResult();
            await _gate.Task;
            lock (_lock)
            {
                BatchSizes.Add(rows.Count);
                if (FailNextBatch && !rows.Contains("blocker"))
                {
                    FailNextBatch = false;
                    throw new StorageUnavailableException("store test rows", new NpgsqlException("the server went away"));
                }

                if (Refuse is { } refused && rows.Contains(refused))
                    throw new StorageRejectedValueException("store test rows", "22001", new InvalidOperationException("value too long"));
                Committed.AddRange(rows);
            }
        }
    }
}
