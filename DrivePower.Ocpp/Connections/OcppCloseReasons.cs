namespace DrivePower.Ocpp.Connections;

/// <summary>WebSocket close reasons both sides recognise, so a station can react to why it was closed.</summary>
public static class OcppCloseReasons
{
    public const string ReplacedByNewerConnection = "Replaced by a newer connection of this station";
}
