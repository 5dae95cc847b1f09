namespace DrivePower.Ocpp.Connections;

/// <summary>WebSocket close reasons the CSMS sends and stations recognise, spelled once for both sides.</summary>
public static class OcppCloseReasons
{
    public const string ReplacedByNewerConnection = "Replaced by a newer connection of this station";
}
