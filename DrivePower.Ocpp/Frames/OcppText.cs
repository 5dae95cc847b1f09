using System.Globalization;
using System.Text;

namespace DrivePower.Ocpp.Frames;

/// <summary>
/// The one way a peer's text (an unknown action or property name, a station id, a token) is quoted in a
/// CALLERROR description or an operator API problem: in single quotes, at most <see cref="MaxQuotedLength"/>
/// characters between them (then "…"), every control, format, separator, unassigned or private-use
/// character and lone surrogate written as <c>\uXXXX</c>, and <c>'</c> and <c>\</c> escaped.
/// </summary>
public static class OcppText
{
    /// <summary>The longest quoted text, escapes included, not counting the quotes and the ellipsis.</summary>
    public const int MaxQuotedLength = 40;

    public static string Quote(string text)
    {
        var quoted = new StringBuilder(MaxQuotedLength + 3).Append('\'');
        var index = 0;
        while (index < text.Length)
        {
            var length = char.IsSurrogatePair(text, index) ? 2 : 1;
            var piece = Escape(text, index, length);
            if (quoted.Length - 1 + piece.Length > MaxQuotedLength)
                return quoted.Append("…'").ToString();
            quoted.Append(piece);
            index += length;
        }

        return quoted.Append('\'').ToString();
    }

    private static string Escape(string text, int index, int length)
    {
        var c = text[index];
        if (c is '\'' or '\\')
            return "\\" + c;
        return IsPrintable(CharUnicodeInfo.GetUnicodeCategory(text, index))
            ? text.Substring(index, length)
            : string.Concat(text.Substring(index, length).Select(unit => $"\\u{(int)unit:x4}"));
    }

    private static bool IsPrintable(UnicodeCategory category) => category is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
