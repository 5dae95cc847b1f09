using System.Diagnostics;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// One station's schedule in a paced loop: a call every <see cref="PeriodTicks"/>, the stations'
/// first slots spread evenly over one period so that the load arrives smoothly rather than in waves.
/// </summary>
internal sealed record LoopPace(long FirstSlot, long PeriodTicks)
{
    /// <summary>The schedules of <paramref name="stations"/> stations sharing <paramref name="callsPerSecond"/> between them.</summary>
    public static LoopPace[] Spread(int stations, double callsPerSecond, long startTimestamp)
    {
        var period = (long)(Stopwatch.Frequency * stations / callsPerSecond);
        return Enumerable.Range(0, stations).Select(i => new LoopPace(startTimestamp + period * i / stations, period)).ToArray();
    }
}
