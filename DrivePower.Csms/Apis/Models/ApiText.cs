namespace DrivePower.Csms.Apis.Models;

/// <summary>Rules every text the operator API takes in must keep.</summary>
internal static class ApiText
{
    /// <summary>U+0000: never part of an id or a name, and PostgreSQL cannot store it.</summary>
    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);
}
