namespace DrivePower.Ocpp.Rpc;

/// <summary>What a handler knows about the CALL it answers.</summary>
public sealed record OcppCallContext(OcppRpcConnection Connection, string MessageId, string Action)
{
    public string StationId => Connection.StationId;

    /// <summary>Runs <paramref name="work"/> once this CALL's answer is sent; see <see cref="OcppRpcConnection.AfterAnswer"/>.</summary>
    public void AfterAnswer(Func<Task> work) => Connection.AfterAnswer(work);
}
