using DrivePower.Csms.Apis.Models;

namespace DrivePower.Csms.WebConsole.Components;

/// <summary>A transaction's meter values as chart points: the energy register (Wh) and the active power (W) by time.</summary>
public sealed record MeterPoint(DateTimeOffset At, decimal? EnergyWh, decimal? PowerW);

public static class MeterSeries
{
    public const string Energy = "Energy.Active.Import.Register";
    public const string Power = "Power.Active.Import";

    /// <summary>One point per sampling instant; phase values are left out (the total is what a chart of the session shows).</summary>
    public static IReadOnlyList<MeterPoint> From(IEnumerable<MeterValueInfo> values) =>
        [.. values.Where(value => value.Phase is null && value.Measurand is Energy or Power)
            .GroupBy(value => value.Timestamp)
            .OrderBy(group => group.Key)
            .Select(group => new MeterPoint(group.Key,
                group.LastOrDefault(value => value.Measurand == Energy) is { } energy ? InUnit(energy, "kWh", 1000) : null,
                group.LastOrDefault(value => value.Measurand == Power) is { } power ? InUnit(power, "kW", 1000) : null))];

    private static decimal InUnit(MeterValueInfo value, string scaledUnit, decimal factor) =>
        string.Equals(value.Unit, scaledUnit, StringComparison.Ordinal) ? value.Value * factor : value.Value;
}
