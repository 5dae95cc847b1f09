using System.Collections.Concurrent;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Authentication;

/// <summary>
/// Slows down password guessing per station id and per client address. An attempt is counted as a
/// failure when it begins (so a burst of parallel guesses is counted too) and taken back if it succeeds.
/// Bounded: at most <see cref="MaxTracked"/> ids and addresses are remembered at once.
/// </summary>
public sealed class StationLoginThrottle(IOptions<StationLoginOptions> options, TimeProvider clock)
{
    public const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>Begins an attempt; false, with how long to wait, while the station id or the address is locked out.</summary>
    public bool TryBegin(string stationId, string address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var (station, client) = (Get(StationKey(stationId), now), Get(AddressKey(address), now));
        retryAfter = Max(station?.LockedFor(now), client?.LockedFor(now));
        if (retryAfter > TimeSpan.Zero)
            return false;

        var limits = options.Value;
        station?.Add(now, limits.FreeFailuresPerStation, limits);
        client?.Add(now, limits.FreeFailuresPerAddress, limits);
        return true;
    }

    /// <summary>The attempt begun by <see cref="TryBegin"/> succeeded: the station's failures are forgotten, the address's taken back by one.</summary>
    public void Succeeded(string stationId, string address)
    {
        _failures.TryRemove(StationKey(stationId), out _);
        if (_failures.TryGetValue(AddressKey(address), out var client))
            client.TakeBack(options.Value.FreeFailuresPerAddress);
    }

    private Failures? Get(string key, DateTimeOffset now)
    {
        if (_failures.TryGetValue(key, out var existing))
            return existing;
        if (_failures.Count >= MaxTracked)
            Forget(now);
        return _failures.Count < MaxTracked ? _failures.GetOrAdd(key, _ => new Failures()) : null;
    }

    private void Forget(DateTimeOffset now)
    {
        var forgetAfter = TimeSpan.FromSeconds(options.Value.ForgetAfterSeconds);
        foreach (var (key, failures) in _failures)
        {
            if (failures.IsOlderThan(now - forgetAfter))
                _failures.TryRemove(key, out _);
        }
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan? b) => TimeSpan.FromTicks(Math.Max(a?.Ticks ?? 0, b?.Ticks ?? 0));

    private static string StationKey(string stationId) => "station:" + stationId;

    private static string AddressKey(string address) => "address:" + address;

    private sealed class Failures
    {
        private readonly Lock _gate = new();
        private int _count;
        private DateTimeOffset _last;
        private DateTimeOffset _lockedUntil;

        public TimeSpan LockedFor(DateTimeOffset now)
        {
            lock (_gate)
                return _lockedUntil > now ? _lockedUntil - now : TimeSpan.Zero;
        }

        public bool IsOlderThan(DateTimeOffset moment)
        {
            lock (_gate)
                return _last < moment && _lockedUntil < moment;
        }

        public void Add(DateTimeOffset now, int free, StationLoginOptions limits)
        {
            lock (_gate)
            {
                if (_last < now - TimeSpan.FromSeconds(limits.ForgetAfterSeconds))
                    _count = 0;
                (_count, _last) = (_count + 1, now);
                if (_count < free)
                    return;
                var doublings = Math.Min(_count - free, 30);
                var seconds = Math.Min((double)limits.LockoutSeconds * (1L << doublings), limits.MaxLockoutSeconds);
                _lockedUntil = now + TimeSpan.FromSeconds(seconds);
            }
        }

        public void TakeBack(int free)
        {
            lock (_gate)
            {
                _count = Math.Max(0, _count - 1);
                if (_count < free)
                    _lockedUntil = DateTimeOffset.MinValue;
            }
        }
    }
}
