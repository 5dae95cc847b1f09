using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

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

    /// <summary>An amount in its ISO 4217 currency, two decimals ("12.34 EUR"); "–" when there is none.</summary>
    public static string Money(decimal? amount, string? currency) =>
        amount is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}").TrimEnd();

    /// <summary>JSON indented for reading (non-ASCII kept as it is; the page escapes it for HTML).</summary>
    public static string PrettyJson(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>JSON text indented; text that is not JSON comes back as it is.</summary>
    public static string PrettyJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return PrettyJson(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static string Milliseconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:0} ms");
}
