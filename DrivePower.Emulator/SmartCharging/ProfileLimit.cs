using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.SmartCharging;

/// <summary>What one profile allows at a moment, and the moments its allowance may change.</summary>
internal static class ProfileLimit
{
    /// <summary>The nominal phase voltage used to turn amperes into watts.</summary>
    public const decimal Voltage = 230;

    public const int DefaultPhases = 3;

    /// <summary>The profile's limit in watts at <paramref name="at"/>, or null when it does not apply then.</summary>
    public static decimal? WattsAt(ChargingProfile profile, DateTimeOffset at, DateTimeOffset? transactionStart)
    {
        if (profile.ValidFrom > at || profile.ValidTo <= at)
            return null;
        var schedule = profile.ChargingSchedule[0];
        if (Start(profile, at, transactionStart) is not { } start)
            return null;
        var offset = (at - start).TotalSeconds;
        if (offset < 0 || (schedule.Duration is { } duration && offset >= duration))
            return null;
        var period = schedule.ChargingSchedulePeriod.Last(candidate => candidate.StartPeriod <= offset);
        return schedule.ChargingRateUnit == ChargingRateUnit.W
            ? period.Limit
            : period.Limit * Voltage * (period.NumberPhases ?? DefaultPhases);
    }

    /// <summary>Every moment in [from, to) at which the profile's limit may change.</summary>
    public static IEnumerable<DateTimeOffset> Changes(ChargingProfile profile, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? transactionStart)
    {
        if (profile.ValidFrom is { } validFrom)
            yield return validFrom;
        if (profile.ValidTo is { } validTo)
            yield return validTo;
        var schedule = profile.ChargingSchedule[0];
        var cycle = Cycle(profile);
        var first = Start(profile, from, transactionStart);
        for (var start = first; start is { } s && s < to; start = cycle is { } length ? s + length : null)
        {
            foreach (var period in schedule.ChargingSchedulePeriod)
                yield return s.AddSeconds(period.StartPeriod);
            if (schedule.Duration is { } duration)
                yield return s.AddSeconds(duration);
        }
    }

    /// <summary>When the schedule that covers <paramref name="at"/> began: its startSchedule, the transaction's start, or the recurrence's last start.</summary>
    private static DateTimeOffset? Start(ChargingProfile profile, DateTimeOffset at, DateTimeOffset? transactionStart)
    {
        var startSchedule = profile.ChargingSchedule[0].StartSchedule;
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKind.Relative:
                return transactionStart ?? at;
            case ChargingProfileKind.Recurring when startSchedule is { } origin && Cycle(profile) is { } length:
                var cycles = Math.Floor((at - origin) / length);
                return origin + (length * cycles);
            default:
                return startSchedule;
        }
    }

    private static TimeSpan? Cycle(ChargingProfile profile) => profile.ChargingProfileKind != ChargingProfileKind.Recurring ? null
        : profile.RecurrencyKind == RecurrencyKind.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
}
