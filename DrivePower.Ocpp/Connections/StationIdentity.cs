namespace DrivePower.Ocpp.Connections;

/// <summary>OCPP-J station identities: 1 to 48 characters, no ':' (it is the Basic-auth user name), printable.</summary>
public static class StationIdentity
{
    public const int MaxLength = 48;

    /// <summary>Null when valid, else why not.</summary>
    public static string? Problem(string? stationId) => stationId switch
    {
        null or "" => "The station id is missing: connect to /ocpp/{stationId}.",
        { Length: > MaxLength } => $"The station id is longer than {MaxLength} characters.",
        _ when stationId.Contains(':') => "The station id must not contain ':'.",
        _ when stationId.Any(char.IsControl) => "The station id must not contain control characters.",
        _ => null,
    };
}
