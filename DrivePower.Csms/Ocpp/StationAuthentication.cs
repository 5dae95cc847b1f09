using System.Security.Cryptography;
using System.Text;
using DrivePower.Csms.Configuration;

namespace DrivePower.Csms.Ocpp;

/// <summary>
/// Security profile 1: HTTP Basic auth on the WebSocket upgrade, user = station id, password
/// 16-40 characters and equal to the one configured for the station. Profile 0 lets every station in.
/// </summary>
public static class StationAuthentication
{
    public const int MinPasswordLength = 16;
    public const int MaxPasswordLength = 40;

    /// <summary>Null when the station may connect, else why not (said to the station as a 401).</summary>
    public static string? Problem(CsmsOptions options, string stationId, string? authorizationHeader)
    {
        if (options.SecurityProfile == 0)
            return null;

        if (!TryReadBasic(authorizationHeader, out var user, out var password))
            return "Security profile 1: send HTTP Basic auth with the station id as user name.";
        if (!string.Equals(user, stationId, StringComparison.Ordinal))
            return "The Basic-auth user name must be the station id.";
        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
            return $"The password must be {MinPasswordLength} to {MaxPasswordLength} characters long.";

        var expected = options.StationPasswords.GetValueOrDefault(stationId) ?? options.DefaultStationPassword;
        return expected is not null && FixedTimeEquals(expected, password) ? null : "Wrong station id or password.";
    }

    private static bool TryReadBasic(string? header, out string user, out string password)
    {
        (user, password) = ("", "");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                return false;
            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedTimeEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
