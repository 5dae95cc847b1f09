using System.Text;

namespace DrivePower.Csms.Data;

/// <summary>Text from outside (station ids, tokens, server messages quoting them) made safe for one log line.</summary>
internal static class LogText
{
    private const int MaxLength = 200;

    /// <summary>Control characters as <c>\uXXXX</c> (never a raw NUL or line break), cut to 200 characters.</summary>
    public static string Safe(string text)
    {
        if (text.Length <= MaxLength && !text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
            return text;

        var safe = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsControl(c))
                safe.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                safe.Append(c);
        }

        return text.Length > MaxLength ? safe.Append('…').ToString() : safe.ToString();
    }
}
