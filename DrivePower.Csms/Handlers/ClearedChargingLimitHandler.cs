using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>ClearedChargingLimit: the source's stored limit (on the EVSE, or everywhere when none is given) is removed.</summary>
public sealed class ClearedChargingLimitHandler(ChargingLimitStore limits)
    : IStationCallHandler<ClearedChargingLimitRequest, ClearedChargingLimitResponse>
{
    public async ValueTask<ClearedChargingLimitResponse> HandleAsync(
        OcppCallContext context, ClearedChargingLimitRequest request, CancellationToken cancellationToken)
    {
        await limits.ClearAsync(context.StationId, request, cancellationToken);
        return new ClearedChargingLimitResponse();
    }
}
