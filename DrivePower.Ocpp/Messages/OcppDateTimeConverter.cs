using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>
/// Writes OCPP date-times in RFC 3339 form, at most millisecond precision (what OCPP peers expect), with "Z" for UTC (<c>2025-06-01T12:00:00Z</c>) and the
/// offset otherwise; reads any RFC 3339 date-time, "T" and "Z" in either case.
/// </summary>
public sealed class OcppDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'";
    private const string OffsetFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TryGetDateTimeOffset(out var value))
            return value;
        var text = reader.GetString()?.ToUpperInvariant();
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? value
            : throw new JsonException("Expected an RFC 3339 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Offset == TimeSpan.Zero
            ? value.ToString(UtcFormat, CultureInfo.InvariantCulture)
            : value.ToString(OffsetFormat, CultureInfo.InvariantCulture));
}
