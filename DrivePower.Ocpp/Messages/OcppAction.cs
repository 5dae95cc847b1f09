using System.Text.Json.Serialization.Metadata;

namespace DrivePower.Ocpp.Messages;

/// <summary>Who sends an action's CALL.</summary>
[Flags]
public enum OcppDirection
{
    StationToCsms = 1,
    CsmsToStation = 2,
    Both = StationToCsms | CsmsToStation,
}

/// <summary>An OCPP action: its exact name, who calls it, and the JSON contracts of its request and response.</summary>
public sealed record OcppAction(string Name, OcppDirection Direction, JsonTypeInfo Request, JsonTypeInfo Response);
