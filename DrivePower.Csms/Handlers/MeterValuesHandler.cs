using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>MeterValues: every sampled value stored against the EVSE and its active transaction, if any.</summary>
public sealed class MeterValuesHandler(MeterValueStore meterValues, StationEventHub events, TimeProvider time) : IStationCallHandler<MeterValuesRequest, MeterValuesResponse>
{
    public async ValueTask<MeterValuesResponse> HandleAsync(OcppCallContext context, MeterValuesRequest request, CancellationToken cancellationToken)
    {
        var stored = await meterValues.RecordAsync(context.StationId, request.EvseId, context.Payload, time.GetUtcNow(), cancellationToken);
        if (events.WantsFrequentEvents)
            events.Publish(MeterReadings.ToEvent(context.StationId, request, stored));
        return new MeterValuesResponse();
    }
}
