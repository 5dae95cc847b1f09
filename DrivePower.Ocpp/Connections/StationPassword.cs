namespace DrivePower.Ocpp.Connections;

/// <summary>Security profile 1: the Basic-auth password (SecurityCtrlr.BasicAuthPassword) is 16 to 40 characters.</summary>
public static class StationPassword
{
    public const int MinLength = 16;
    public const int MaxLength = 40;

    public static bool HasValidLength(string password) => password.Length is >= MinLength and <= MaxLength;

    public static string LengthRule => $"{MinLength} to {MaxLength} characters";
}
