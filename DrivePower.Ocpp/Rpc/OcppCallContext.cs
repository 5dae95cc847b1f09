namespace DrivePower.Ocpp.Rpc;

/// <summary>What a handler knows about the CALL it answers.</summary>
public sealed record OcppCallContext(OcppRpcConnection Connection, string MessageId, string Action)
{
    public string StationId => Connection.StationId;
}
