using DrivePower.Emulator.SmartCharging;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>
    /// After the profiles changed: each EVSE's meter takes its new limit now, and a transaction whose
    /// limit changed reports it (TransactionEvent Updated, ChargingRateChanged), as a real station does.
    /// </summary>
    public void ApplyChargingLimits(IReadOnlyDictionary<int, decimal?> before)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var evse in Evses)
        {
            var limit = CompositeScheduler.WattsAt(this, evse.Id, now);
            evse.Meter.SetLimit(limit);
            if (evse.Transaction is { IsEnded: false } transaction && before.GetValueOrDefault(evse.Id) != limit)
                transaction.ChargingRateChanged();
        }
    }

    /// <summary>Each EVSE's limit now, to compare with after a change.</summary>
    public IReadOnlyDictionary<int, decimal?> ChargingLimits()
    {
        var now = DateTimeOffset.UtcNow;
        return Evses.ToDictionary(evse => evse.Id, evse => CompositeScheduler.WattsAt(this, evse.Id, now));
    }
}
