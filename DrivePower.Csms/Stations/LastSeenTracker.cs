using System.Collections.Concurrent;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Stations;

/// <summary>
/// Coalesces "this station sent something" marks and writes them in one statement every
/// <see cref="CsmsOptions.LastSeenFlushSeconds"/>, so a busy stand does not write a row per message.
/// Marks that fail to be written (database away) are kept for the next round.
/// </summary>
public sealed partial class LastSeenTracker(StationStore store, IOptions<CsmsOptions> options, TimeProvider time, ILogger<LastSeenTracker> logger)
    : BackgroundService
{
    // UTC ticks, not DateTimeOffset: a value the dictionary can write in one step is updated in place,
    // where a wider one costs a new node on every message of every station.
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);

    public void Mark(string stationId) => _pending[stationId] = time.GetUtcNow().UtcTicks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LastSeenFlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(string, DateTimeOffset)>();
        foreach (var stationId in _pending.Keys)
        {
            if (_pending.TryRemove(stationId, out var seenTicks))
                batch.Add((stationId, new DateTimeOffset(seenTicks, TimeSpan.Zero)));
        }

        if (batch.Count == 0)
            return;
        try
        {
            await store.TouchManyAsync(batch, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            foreach (var (stationId, seenAt) in batch)
                _pending.AddOrUpdate(stationId, static (_, kept) => kept, static (_, newer, kept) => Math.Max(newer, kept), seenAt.UtcTicks);
            Log.FlushDeferred(logger, batch.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Warning, "last_seen_at of {Count} stations not written; kept for the next round", EventName = "LastSeenFlushDeferred")]
        public static partial void FlushDeferred(ILogger logger, int count);
    }
}
