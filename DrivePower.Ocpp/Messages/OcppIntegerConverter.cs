using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>
/// Reads a schema "integer" as JSON Schema draft-06 defines it: any number with a zero fractional
/// part, so <c>3.0</c> reads as 3 (System.Text.Json alone would refuse it), <c>3.5</c> does not.
/// </summary>
public sealed class OcppIntegerConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException("Expected a JSON number for an integer.");
        if (reader.TryGetInt32(out var value))
            return value;
        if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            return (int)number;
        throw new JsonException("Expected an integer that fits 32 bits.");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
