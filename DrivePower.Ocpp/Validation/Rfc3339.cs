namespace DrivePower.Ocpp.Validation;

/// <summary>
/// The JSON Schema <c>date-time</c> format: an RFC 3339 date-time, <c>2025-01-31T23:59:59.123Z</c> or
/// with a <c>±hh:mm</c> offset; "T" and "Z" in either case. A leap second (:60) is refused because
/// <see cref="DateTimeOffset"/> can't hold it.
/// </summary>
internal static class Rfc3339
{
    public static bool IsDateTime(ReadOnlySpan<char> text)
    {
        // yyyy-mm-ddThh:mm:ss is 19 characters; the shortest zone is "Z".
        if (text.Length < 20
            || !Number(text, 0, 4, out var year) || text[4] != '-'
            || !Number(text, 5, 2, out var month) || text[7] != '-'
            || !Number(text, 8, 2, out var day) || text[10] is not ('T' or 't')
            || !Number(text, 11, 2, out var hour) || text[13] != ':'
            || !Number(text, 14, 2, out var minute) || text[16] != ':'
            || !Number(text, 17, 2, out var second))
            return false;

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        var rest = text[19..];
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                digits++;
            if (digits == 1)
                return false;
            rest = rest[digits..];
        }

        if (rest is ['Z' or 'z'])
            return true;
        return rest.Length == 6
            && rest[0] is '+' or '-'
            && Number(rest, 1, 2, out var offsetHours) && rest[3] == ':' && Number(rest, 4, 2, out var offsetMinutes)
            && offsetHours <= 23 && offsetMinutes <= 59;
    }

    private static bool Number(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }

        return true;
    }
}
