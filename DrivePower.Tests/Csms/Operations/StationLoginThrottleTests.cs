using DrivePower.Csms.Authentication;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Tests.Csms.Operations;

public sealed class StationLoginThrottleTests
{
    private readonly ManualClock _clock = new();

    private readonly StationLoginThrottle _throttle;

    public StationLoginThrottleTests() => _throttle = new StationLoginThrottle(Options.Create(new StationLoginOptions
    {
        FreeFailuresPerStation = 3,
        FreeFailuresPerAddress = 10,
        LockoutSeconds = 2,
        MaxLockoutSeconds = 16,
        ForgetAfterSeconds = 600,
    }), _clock);

    [Fact]
    public void After_the_free_failures_the_lockout_doubles_up_to_the_maximum()
    {
        for (var failure = 1; failure <= 3; failure++)
            Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));

        var waits = new List<double>();
        for (var failure = 4; failure <= 8; failure++)
        {
            Assert.False(_throttle.TryBegin("CP1", "10.0.0.1", out var wait));
            waits.Add(wait.TotalSeconds);
            _clock.Advance(wait);
            Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
        }

        Assert.Equal([2, 4, 8, 16, 16], waits);
    }

    [Fact]
    public void A_success_forgets_the_stations_failures()
    {
        for (var failure = 1; failure <= 2; failure++)
            Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
        Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
        _throttle.Succeeded("CP1", "10.0.0.1");

        Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
    }

    [Fact]
    public void One_address_guessing_many_station_ids_is_locked_out_but_others_are_not()
    {
        for (var station = 1; station <= 10; station++)
            Assert.True(_throttle.TryBegin($"CP{station}", "10.0.0.66", out _));

        Assert.False(_throttle.TryBegin("CP-NEW", "10.0.0.66", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.True(_throttle.TryBegin("CP-NEW", "10.0.0.2", out _));
    }

    [Fact]
    public void Old_failures_are_forgotten()
    {
        for (var failure = 1; failure <= 3; failure++)
            Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
        _clock.Advance(TimeSpan.FromSeconds(601));

        for (var failure = 1; failure <= 3; failure++)
            Assert.True(_throttle.TryBegin("CP1", "10.0.0.1", out _));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
