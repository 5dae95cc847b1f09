using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>Heartbeat: <c>last_seen_at</c> is written before the CSMS answers with its time.</summary>
public sealed class HeartbeatHandler(StationStore stations, TimeProvider time) : IStationCallHandler<HeartbeatRequest, HeartbeatResponse>
{
    public async ValueTask<HeartbeatResponse> HandleAsync(OcppCallContext context, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await stations.RecordHeartbeatAsync(context.StationId, now, cancellationToken);
        return new HeartbeatResponse { CurrentTime = now };
    }
}
