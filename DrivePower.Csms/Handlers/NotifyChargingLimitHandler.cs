using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyChargingLimit: the external limit is stored (one per EVSE and source) before the answer.</summary>
public sealed class NotifyChargingLimitHandler(ChargingLimitStore limits, TimeProvider time)
    : IStationCallHandler<NotifyChargingLimitRequest, NotifyChargingLimitResponse>
{
    public async ValueTask<NotifyChargingLimitResponse> HandleAsync(
        OcppCallContext context, NotifyChargingLimitRequest request, CancellationToken cancellationToken)
    {
        await limits.RecordAsync(context.StationId, request, time.GetUtcNow(), cancellationToken);
        return new NotifyChargingLimitResponse();
    }
}
