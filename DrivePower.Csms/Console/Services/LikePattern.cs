namespace DrivePower.Csms.WebConsole.Services;

/// <summary>A search text as an ILIKE pattern: the text anywhere, its own % _ \ taken literally.</summary>
internal static class LikePattern
{
    public static string? Contains(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // A NUL can be neither stored nor compared by PostgreSQL: a search for it finds nothing else either.
        var escaped = text.Trim().Replace("\0", "", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
