using System.Diagnostics;

namespace DrivePower.Benchmarks.Load;

/// <summary>Round-trip times of one station's calls; merged after the run, so recording takes no lock.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = [];

    public int Count => _ticks.Count;

    public void Record(long startTimestamp) => _ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>p50, p90, p99 and the maximum of all the recorders' calls, in milliseconds.</summary>
    public static (double P50, double P90, double P99, double Max) Percentiles(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._ticks).Order().ToArray();
        if (all.Length == 0)
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        double At(double quantile) => Milliseconds(all[Math.Min(all.Length - 1, (int)Math.Ceiling(quantile * all.Length) - 1)]);
        return (At(0.50), At(0.90), At(0.99), Milliseconds(all[^1]));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
