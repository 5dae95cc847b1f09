using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>Heartbeat: <c>last_seen_at</c> is written before the CSMS answers with its time.</summary>
public sealed class HeartbeatHandler(StationStore stations, StationEventHub events, TimeProvider time) : IStationCallHandler<HeartbeatRequest, HeartbeatResponse>
{
    public async ValueTask<HeartbeatResponse> HandleAsync(OcppCallContext context, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await stations.RecordHeartbeatAsync(context.StationId, now, cancellationToken);
        if (events.WantsFrequentEvents) // no event object per heartbeat while nobody streams them
            events.Publish(new HeartbeatEvent(context.StationId, now));
        return new HeartbeatResponse { CurrentTime = now };
    }
}
