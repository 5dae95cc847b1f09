using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>MeterValues: every sampled value stored against the EVSE and its active transaction, if any.</summary>
public sealed class MeterValuesHandler(MeterValueStore meterValues, TimeProvider time) : IStationCallHandler<MeterValuesRequest, MeterValuesResponse>
{
    public async ValueTask<MeterValuesResponse> HandleAsync(OcppCallContext context, MeterValuesRequest request, CancellationToken cancellationToken)
    {
        await meterValues.RecordAsync(context.StationId, request.EvseId, context.Payload, time.GetUtcNow(), cancellationToken);
        return new MeterValuesResponse();
    }
}
