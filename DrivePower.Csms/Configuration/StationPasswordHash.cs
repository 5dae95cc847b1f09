using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrivePower.Ocpp.Connections;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// A station password as configured: either a salted PBKDF2 hash,
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt, base64&gt;$&lt;hash, base64&gt;</c> (made by
/// <c>hash-password</c>), or, for training, the password itself in plain text.
/// </summary>
public static class StationPasswordHash
{
    public const string Prefix = "pbkdf2-sha256$";
    public const int DefaultIterations = 100_000;
    public const int MinIterations = 10_000;
    public const int MaxIterations = 10_000_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static bool IsHash(string configured) => configured.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Prefix}{iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether <paramref name="given"/> is the configured password; constant time for equal lengths.</summary>
    public static bool Matches(string configured, string given)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(given);
        if (!IsHash(configured))
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(given));
        if (!TryParse(configured, out var iterations, out var salt, out var expected))
            return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(given), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Null when <paramref name="configured"/> is usable, else what is wrong with it (never quoting it).</summary>
    public static string? Problem(string configured)
    {
        if (IsHash(configured))
        {
            return TryParse(configured, out _, out _, out _)
                ? null
                : $"not a valid hash: expected {Prefix}<iterations {MinIterations}-{MaxIterations}>$<salt, base64, >= {SaltBytes} bytes>$<hash, base64, {HashBytes} bytes> (make one with hash-password).";
        }

        return !StationPassword.HasValidLength(configured)
            ? $"a plain-text password must be {StationPassword.LengthRule} long (a station can send no other)."
            : null;
    }

    private static bool TryParse(string configured, out int iterations, out byte[] salt, out byte[] hash)
    {
        (iterations, salt, hash) = (0, [], []);
        var parts = configured[Prefix.Length..].Split('$');
        try
        {
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations))
                return false;
            (salt, hash) = (Convert.FromBase64String(parts[1]), Convert.FromBase64String(parts[2]));
        }
        catch (FormatException)
        {
            return false;
        }

        return iterations is >= MinIterations and <= MaxIterations && salt.Length >= SaltBytes && hash.Length == HashBytes;
    }
}
