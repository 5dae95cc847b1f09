namespace DrivePower.Emulator.Stations;

/// <summary>Exponential back-off with full jitter between a floor and a cap: min, 2·min, 4·min… each scaled by 0.5–1.</summary>
internal sealed class Backoff(TimeSpan min, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 16);
        var ceiling = Math.Min(max.TotalSeconds, min.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (0.5 * Random.Shared.NextDouble())));
    }

    public void Reset() => _failures = 0;
}
