using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// SmartChargingCtrlr: Enabled (RW), Available, RateUnit ("A,W"), ProfileStackLevel (the highest
/// stackLevel allowed), PeriodsPerSchedule, and Entries (instance ChargingProfiles: how many are installed).
/// </summary>
internal sealed partial class DeviceModel
{
    private bool _smartChargingEnabled = true;

    public bool SmartChargingEnabled
    {
        get { lock (_sync) return _smartChargingEnabled; }
        private set { lock (_sync) _smartChargingEnabled = value; }
    }

    public int ProfileStackLevel => 8;

    public int PeriodsPerSchedule => 24;

    public IReadOnlyList<ChargingRateUnit> RateUnits { get; } = [ChargingRateUnit.A, ChargingRateUnit.W];

    private Dictionary<string, Entry> SmartChargingVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(SmartChargingEnabled), value => WriteBoolean(value, on => SmartChargingEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["RateUnit"] = new(() => string.Join(",", RateUnits), Type: DataType.MemberList),
        ["ProfileStackLevel"] = new(() => ProfileStackLevel.ToString(CultureInfo.InvariantCulture), Type: DataType.integer),
        ["PeriodsPerSchedule"] = new(() => PeriodsPerSchedule.ToString(CultureInfo.InvariantCulture), Type: DataType.integer),
        ["Entries"] = new(() => station.ChargingProfiles.Count.ToString(CultureInfo.InvariantCulture), Instance: "ChargingProfiles", Type: DataType.integer),
    };
}
