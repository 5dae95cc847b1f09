namespace DrivePower.Emulator.Stations;

/// <summary>Spreads connection attempts of all stations to at most <c>rate</c> per second.</summary>
internal sealed class ConnectThrottle(double ratePerSecond)
{
    private readonly Lock _sync = new();
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1 / ratePerSecond);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_sync)
        {
            var now = DateTimeOffset.UtcNow;
            var slot = _next > now ? _next : now;
            _next = slot + _spacing;
            wait = slot - now;
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, cancellationToken);
    }
}
