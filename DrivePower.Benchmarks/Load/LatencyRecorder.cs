using System.Diagnostics;

namespace DrivePower.Benchmarks.Load;

/// <summary>Round-trip times of one station's calls, with when each ended; merged after the run, so recording takes no lock.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = [];
    private readonly List<long> _ends = [];

    public int Count => _ticks.Count;

    public void Record(long startTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks.Add(now - startTimestamp);
        _ends.Add(now);
    }

    /// <summary>p50, p90, p99 and the maximum of all the recorders' calls, in milliseconds.</summary>
    public static (double P50, double P90, double P99, double Max) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._ticks).Order().ToArray();
        if (all.Length == 0)
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        return (At(all, 0.50), At(all, 0.90), At(all, 0.99), Milliseconds(all[^1]));
    }

    /// <summary>
    /// The calls grouped by when they ended, one slice per <paramref name="slice"/> from the first: a
    /// warm-up, a stall or a queue draining shows as slices whose p99 stands out from the rest.
    /// </summary>
    public static IEnumerable<(TimeSpan From, int Calls, double P50, double P99, double Max)> Timeline(IEnumerable<LatencyRecorder> recorders, TimeSpan slice)
    {
        var calls = recorders.SelectMany(r => r._ends.Zip(r._ticks)).ToArray();
        if (calls.Length == 0)
            yield break;
        var first = calls.Min(c => c.First);
        var sliceTicks = (long)(slice.TotalSeconds * Stopwatch.Frequency);
        foreach (var group in calls.GroupBy(c => (c.First - first) / sliceTicks).OrderBy(g => g.Key))
        {
            var ticks = group.Select(c => c.Second).Order().ToArray();
            yield return (slice * group.Key, ticks.Length, At(ticks, 0.50), At(ticks, 0.99), Milliseconds(ticks[^1]));
        }
    }

    private static double At(long[] sorted, double quantile) =>
        Milliseconds(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
