using System.Text.Json;

namespace DrivePower.Ocpp.Rpc;

/// <summary>
/// What a handler knows about the CALL it answers, including the payload as the peer sent it
/// (already validated), for handlers that store it whole.
/// </summary>
public sealed record OcppCallContext(OcppRpcConnection Connection, string MessageId, string Action, JsonElement Payload)
{
    public string StationId => Connection.StationId;

    /// <summary>Runs <paramref name="work"/> once this CALL's answer is sent; see <see cref="OcppRpcConnection.AfterAnswer"/>.</summary>
    public void AfterAnswer(Func<Task> work) => Connection.AfterAnswer(work);
}
