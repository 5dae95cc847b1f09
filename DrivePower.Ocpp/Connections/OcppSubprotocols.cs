namespace DrivePower.Ocpp.Connections;

/// <summary>The OCPP-J WebSocket subprotocols both sides speak, most preferred first.</summary>
public static class OcppSubprotocols
{
    public const string Ocpp201 = "ocpp2.0.1";

    /// <summary>The original stand's name for the same protocol.</summary>
    public const string Ocpp20 = "ocpp2.0";

    public static IReadOnlyList<string> Supported { get; } = [Ocpp201, Ocpp20];

    /// <summary>The subprotocol to accept among those the station offers, or null when none is supported.</summary>
    public static string? Choose(IEnumerable<string> offered)
    {
        var offers = offered.Select(offer => offer.Trim()).ToHashSet(StringComparer.Ordinal);
        return Supported.FirstOrDefault(offers.Contains);
    }
}
