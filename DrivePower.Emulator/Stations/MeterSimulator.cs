using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// An EVSE's energy meter: the import register (Wh) only grows, by the power drawn while charging;
/// each sample also gives power (W), current (A) and voltage (V), with a little noise. The power
/// drawn is the EV's maximum, or less when the smart-charging limit is lower.
/// </summary>
internal sealed class MeterSimulator(int evMaxPowerW, decimal registerWh)
{
    private const double NominalVoltage = 230;
    private const int ThreePhaseAboveW = 7_400;

    private readonly Lock _sync = new();
    private DateTimeOffset _since = DateTimeOffset.UtcNow;
    private double _powerW;
    private double _registerWh = (double)registerWh;
    private int _evMaxW = evMaxPowerW;
    private double? _limitW;
    private bool _charging;

    public decimal RegisterWh
    {
        get
        {
            lock (_sync)
                return Round(_registerWh, 1);
        }
    }

    /// <summary>The most the EV draws now: its maximum, capped by the limit.</summary>
    private double MaxW => Math.Min(_evMaxW, _limitW ?? double.MaxValue);

    /// <summary>The most the plugged EV can draw, in watts.</summary>
    public int EvMaxPowerW
    {
        get
        {
            lock (_sync)
                return _evMaxW;
        }
    }

    /// <summary>The power drawn at the last sample or change, in watts.</summary>
    public decimal PowerW
    {
        get
        {
            lock (_sync)
                return Round(_powerW, 0);
        }
    }

    /// <summary>Another EV, or the same one saying it takes less: a charging EV follows at once.</summary>
    public void SetEvMaxPower(int watts)
    {
        lock (_sync)
        {
            Advance(DateTimeOffset.UtcNow);
            _evMaxW = watts;
            if (_charging)
                _powerW = MaxW * (0.97 + (0.03 * Random.Shared.NextDouble()));
        }
    }

    /// <summary>Starts or stops drawing power; the energy so far is booked first.</summary>
    public void SetCharging(bool charging)
    {
        lock (_sync)
        {
            Advance(DateTimeOffset.UtcNow);
            _charging = charging;
            _powerW = charging ? MaxW * (0.95 + (0.05 * Random.Shared.NextDouble())) : 0;
        }
    }

    /// <summary>The smart-charging limit in watts (null: none); a charging EV follows it at once, down or up.</summary>
    public void SetLimit(decimal? watts)
    {
        lock (_sync)
        {
            var limit = watts is { } value ? (double)value : (double?)null;
            if (limit == _limitW)
                return;
            Advance(DateTimeOffset.UtcNow);
            _limitW = limit;
            if (_charging)
                _powerW = MaxW * (0.97 + (0.03 * Random.Shared.NextDouble()));
        }
    }

    /// <summary>A sample of every measurand at this moment, in the given context.</summary>
    public MeterValue Sample(ReadingContext context)
    {
        lock (_sync)
        {
            var now = DateTimeOffset.UtcNow;
            Advance(now);
            if (_powerW > 0)
                _powerW = Math.Clamp(_powerW * (0.98 + (0.04 * Random.Shared.NextDouble())), MaxW * 0.9, MaxW);
            var voltage = NominalVoltage + ((Random.Shared.NextDouble() - 0.5) * 6);
            var phases = _evMaxW > ThreePhaseAboveW ? 3 : 1;
            var current = _powerW / (phases * voltage);
            return new MeterValue
            {
                Timestamp = now,
                SampledValue =
                [
                    Value(Round(_registerWh, 1), context, Measurand.EnergyActiveImportRegister, "Wh"),
                    Value(Round(_powerW, 0), context, Measurand.PowerActiveImport, "W"),
                    Value(Round(current, 2), context, Measurand.CurrentImport, "A"),
                    Value(Round(voltage, 1), context, Measurand.Voltage, "V"),
                ],
            };
        }
    }

    private void Advance(DateTimeOffset now)
    {
        _registerWh += _powerW * (now - _since).TotalHours;
        _since = now;
    }

    private static SampledValue Value(decimal value, ReadingContext context, Measurand measurand, string unit) => new()
    {
        Value = value,
        Context = context,
        Measurand = measurand,
        UnitOfMeasure = new UnitOfMeasure { Unit = unit },
    };

    private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.ToZero);
}
