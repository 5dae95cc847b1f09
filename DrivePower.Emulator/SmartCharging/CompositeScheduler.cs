using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.SmartCharging;

/// <summary>
/// K08: the limit the station applies on an EVSE at each moment: the lowest of the station maximum
/// (ChargingStationMaxProfile), the external constraints, and the transaction's TxProfile, or where none
/// applies its TxDefaultProfile (one on the EVSE before one for the whole station). Within a purpose the
/// highest stackLevel in force wins. With no profile at all: the station's own maximum power.
/// </summary>
internal static class CompositeScheduler
{
    /// <summary>The limit in watts on the EVSE (0: the grid connection) at <paramref name="at"/>; null when no profile limits it.</summary>
    public static decimal? WattsAt(Station station, int evseId, DateTimeOffset at)
    {
        var profiles = station.ChargingProfiles.All;
        var transaction = evseId == 0 ? null : station.FindEvse(evseId)?.Transaction;
        var started = transaction?.StartedAt;
        decimal? Top(IEnumerable<InstalledProfile> candidates) => candidates
            .OrderByDescending(held => held.Profile.StackLevel)
            .Select(held => ProfileLimit.WattsAt(held.Profile, at, started))
            .FirstOrDefault(limit => limit is not null);

        var limits = new List<decimal?>
        {
            Top(profiles.Where(held => held.Purpose == ChargingProfilePurpose.ChargingStationMaxProfile)),
            Top(profiles.Where(held => held.Purpose == ChargingProfilePurpose.ChargingStationExternalConstraints && (held.EvseId == 0 || held.EvseId == evseId))),
        };
        if (evseId != 0)
        {
            var txProfile = transaction is null ? null
                : Top(profiles.Where(held => held.Purpose == ChargingProfilePurpose.TxProfile && held.Profile.TransactionId == transaction.Id));
            limits.Add(txProfile
                ?? Top(profiles.Where(held => held.Purpose == ChargingProfilePurpose.TxDefaultProfile && held.EvseId == evseId))
                ?? Top(profiles.Where(held => held.Purpose == ChargingProfilePurpose.TxDefaultProfile && held.EvseId == 0)));
        }

        return limits.Where(limit => limit is not null).DefaultIfEmpty(null).Min();
    }

    public static CompositeSchedule Compute(Station station, int evseId, DateTimeOffset start, int durationSeconds, ChargingRateUnit unit)
    {
        var end = start.AddSeconds(durationSeconds);
        var started = evseId == 0 ? null : station.FindEvse(evseId)?.Transaction?.StartedAt;
        var moments = station.ChargingProfiles.All
            .SelectMany(held => ProfileLimit.Changes(held.Profile, start, end, started))
            .Where(moment => moment > start && moment < end)
            .Append(start)
            .Distinct()
            .Order();
        var periods = new List<ChargingSchedulePeriod>();
        foreach (var moment in moments)
        {
            var watts = WattsAt(station, evseId, moment) ?? station.Options.ChargingPowerW;
            var limit = Math.Round(unit == ChargingRateUnit.W ? watts : watts / (ProfileLimit.Voltage * ProfileLimit.DefaultPhases), 1);
            if (periods.Count > 0 && periods[^1].Limit == limit)
                continue;
            periods.Add(new ChargingSchedulePeriod
            {
                StartPeriod = (int)(moment - start).TotalSeconds,
                Limit = limit,
                NumberPhases = ProfileLimit.DefaultPhases,
            });
        }

        return new CompositeSchedule
        {
            EvseId = evseId,
            Duration = durationSeconds,
            ScheduleStart = start,
            ChargingRateUnit = unit,
            ChargingSchedulePeriod = periods,
        };
    }
}
