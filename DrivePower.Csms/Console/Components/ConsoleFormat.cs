using System.Globalization;

namespace DrivePower.Csms.WebConsole.Components;

/// <summary>How the console writes times and quantities: UTC, invariant culture, units spelled out.</summary>
public static class ConsoleFormat
{
    public static string Time(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.Date == DateTimeOffset.UtcNow.Date
            ? utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Energy(decimal? wh) => wh switch
    {
        null => "–",
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{wh / 1000:0.00} kWh"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{wh:0.#} Wh"),
    };

    public static string Power(decimal? w) => w switch
    {
        null => "–",
        >= 1000 => string.Create(CultureInfo.InvariantCulture, $"{w / 1000:0.0#} kW"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{w:0} W"),
    };

    public static string Milliseconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:0} ms");
}
