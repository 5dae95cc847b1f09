using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// A JSON string's text read where it lies, without making a string of it: the validator runs on every
/// message, and most OCPP strings are plain ASCII without escapes. Escaped text is decoded as usual.
/// </summary>
internal static class RawJsonString
{
    /// <summary>
    /// The string's UTF-8 bytes as written, without its quotes; false when it holds an escape
    /// (<c>\n</c>, <c>\u00e9</c>, <c>\u0000</c> …), which only decoding can read.
    /// </summary>
    public static bool TryGetUnescaped(JsonElement value, out ReadOnlySpan<byte> utf8)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        utf8 = raw[1..^1];
        return !utf8.Contains((byte)'\\');
    }

    /// <summary>How many code points the string holds (what JSON Schema's maxLength counts).</summary>
    public static int CodePoints(JsonElement value)
    {
        if (!TryGetUnescaped(value, out var utf8))
            return CountRunes(value.GetString()!);
        // Every code point starts with one byte that is not a continuation byte (10xxxxxx).
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
                count++;
        }

        return count;
    }

    /// <summary>Whether the string holds U+0000, which in JSON can only be written as an escape.</summary>
    public static bool HoldsNul(JsonElement value) =>
        !TryGetUnescaped(value, out _) && value.GetString()!.Contains('\0', StringComparison.Ordinal);

    /// <summary>
    /// The string's text: decoded into <paramref name="destination"/> when it is plain and fits, else read
    /// as a string (an escaped or long one, which no short value of an enum or a date-time is).
    /// </summary>
    public static ReadOnlySpan<char> Decode(JsonElement value, Span<char> destination)
    {
        if (TryGetUnescaped(value, out var utf8) && utf8.Length <= destination.Length)
            return destination[..Encoding.UTF8.GetChars(utf8, destination)];
        return value.GetString().AsSpan();
    }

    private static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }
}
