using System.Diagnostics;
using Npgsql;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// The CSMS under load, measured from a separate process: a boot storm, then a loop (closed or paced) of
/// StatusNotifications, against the real CSMS (stored in PostgreSQL) and against a baseline that
/// only answers, so that the cost of persistence shows side by side. See docs/performance.md.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (LoadOptions.Parse(args, out var error) is not { } options)
        {
            Console.Error.WriteLine(error);
            return error == LoadOptions.Usage ? 0 : 2;
        }

        var loop = options.Rate is { } rate
            ? $"a loop paced at {rate} calls/s (latency counted from each call's slot)"
            : "a closed loop (each call as soon as the last is answered)";
        Console.WriteLine($"load: storm {options.Storm} stations (concurrency {options.Concurrency}), then {loop} of {options.LoopStations} stations for {options.LoopDuration.TotalSeconds:0} s after a warm-up of {options.Warmup.TotalSeconds:0} s, {Environment.ProcessorCount} cores");
        var results = new List<LoadResult>();
        if (options.RunBaseline)
        {
            await using var baseline = await CsmsProcess.StartBaselineAsync();
            results.Add(await MeasureAsync(baseline, options, countStored: null, connectionString: null));
        }

        if (options.RunPersistent)
        {
            await using var persistent = await CsmsProcess.StartPersistentAsync(options.ConnectionString!);
            results.Add(await MeasureAsync(persistent, options, prefix => CountStoredStatusesAsync(options.ConnectionString!, prefix), options.ConnectionString));
        }

        LoadResult.Print(results, Console.Out);
        return results.Any(r => r.Failed > 0 || r.Missing > 0) ? 1 : 0;
    }

    private static async Task<LoadResult> MeasureAsync(
        CsmsProcess csms, LoadOptions options, Func<string, Task<long>>? countStored, string? connectionString)
    {
        Console.WriteLine($"-- {csms.Name}");
        var prefix = $"LOAD{DateTime.UtcNow:HHmmss}-";
        var idleBytes = csms.ResidentBytes;
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var stations = new LoadStation?[options.Storm];
        var stormFailures = 0;

        var storm = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.Concurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Storm).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var station = await LoadStation.ConnectAsync(csms.OcppBase, $"{prefix}{i:D5}", invoker, CancellationToken.None);
                    stations[i] = station;
                    await station.BootAsync(CancellationToken.None);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref stormFailures);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var stormTime = storm.Elapsed;
        Console.WriteLine($"   storm: {options.Storm - stormFailures} of {options.Storm} stations booted in {stormTime.TotalSeconds:0.0} s");
        // Npgsql's first connection in this process loads and compiles its code, which a user's psql does
        // not: done here, so the halfway probe costs the generator what psql would cost, not a JIT stall.
        if (connectionString is not null)
            await SideQueryProbe.RunAsync(connectionString, prefix);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the CSMS settle before reading its memory
        var loadedBytes = csms.ResidentBytes;

        var looping = stations.Take(options.LoopStations).OfType<LoadStation>().ToArray();
        var loopStart = Stopwatch.GetTimestamp();
        var measureFrom = loopStart + Ticks(options.Warmup);
        var until = measureFrom + Ticks(options.LoopDuration);
        var paces = options.Rate is { } rate ? LoopPace.Spread(looping.Length, rate, loopStart) : null;
        var loops = Task.WhenAll(looping.Select((station, i) => station.LoopAsync(until, measureFrom, paces?[i], CancellationToken.None)));
        await Task.Delay(options.Warmup);
        var cpuBefore = ProcessorTimes.Take(csms);
        if (connectionString is not null)
        {
            // Halfway through the measured loop, with the CSMS's pool as busy as it gets.
            await Task.Delay(options.LoopDuration / 2);
            Console.WriteLine($"   a separate connection under load (as psql): {await SideQueryProbe.RunAsync(connectionString, prefix)}");
        }

        await loops;
        var loopTime = Stopwatch.GetElapsedTime(measureFrom);
        var cpu = cpuBefore.PerCall(ProcessorTimes.Take(csms), looping.Sum(s => s.Latencies.Count));
        if (options.Warmup > TimeSpan.Zero)
            PrintWarmup(looping, options.Warmup);
        if (options.TimelineSlice is { } slice)
            PrintTimeline(looping, slice);

        var acknowledged = options.Storm - stormFailures + looping.Sum(s => s.WarmupLatencies.Count + s.Latencies.Count);
        await Task.WhenAll(stations.OfType<LoadStation>().Select(s => s.DisposeAsync().AsTask()));
        long? stored = countStored is null ? null : await countStored(prefix);

        return new LoadResult(
            csms.Name, options.Storm - stormFailures, stormTime, stormFailures,
            looping.Sum(s => s.Latencies.Count) / loopTime.TotalSeconds, LatencyRecorder.Percentiles(looping.Select(s => s.Latencies)),
            looping.Sum(s => s.Failed), acknowledged, stored,
            (loadedBytes - idleBytes) / (double)Math.Max(1, options.Storm - stormFailures), loadedBytes, cpu);
    }

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static void PrintWarmup(LoadStation[] looping, TimeSpan warmup)
    {
        var (p50, p90, p99, max) = LatencyRecorder.Percentiles(looping.Select(s => s.WarmupLatencies));
        Console.WriteLine($"   warm-up ({warmup.TotalSeconds:0} s, not in the table): {looping.Sum(s => s.WarmupLatencies.Count)} calls, " +
            $"p50 / p90 / p99 / max {p50:0.0} / {p90:0.0} / {p99:0.0} / {max:0} ms");
    }

    /// <summary>The whole loop, warm-up included (it is the first <c>--warmup</c> seconds), slice by slice.</summary>
    private static void PrintTimeline(LoadStation[] looping, TimeSpan slice)
    {
        Console.WriteLine($"   the loop by slices of {slice.TotalMilliseconds:0} ms, warm-up first (calls, p50 / p99 / max ms):");
        var recorders = looping.SelectMany(s => new[] { s.WarmupLatencies, s.Latencies });
        foreach (var (from, calls, p50, p99, max) in LatencyRecorder.Timeline(recorders, slice))
            Console.WriteLine($"   {from.TotalSeconds,7:0.00} s {calls,7} {p50,8:0.0} / {p99,7:0.0} / {max,7:0.0}");
    }

    /// <summary>Every StatusNotification acknowledged must be in the history, one row each.</summary>
    private static async Task<long> CountStoredStatusesAsync(string connectionString, string prefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM station_connector_status_history WHERE station_id LIKE @prefix", connection);
        count.Parameters.AddWithValue("prefix", prefix + "%");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
