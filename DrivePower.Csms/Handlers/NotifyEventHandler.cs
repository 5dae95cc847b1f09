using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyEvent: one <c>station_events</c> row per eventData (its JSON as the payload, its trigger as event_type).</summary>
public sealed class NotifyEventHandler(StationEventStore stationEvents, TimeProvider time) : IStationCallHandler<NotifyEventRequest, NotifyEventResponse>
{
    public const string Kind = "NotifyEvent";

    public async ValueTask<NotifyEventResponse> HandleAsync(OcppCallContext context, NotifyEventRequest request, CancellationToken cancellationToken)
    {
        var payload = context.Payload.GetProperty("eventData");
        var rows = request.EventData
            .Zip(payload.EnumerateArray(), (data, json) => new StationEventRow(Kind, data.Trigger.ToString(), data.Timestamp, json.GetRawText()))
            .ToList();
        await stationEvents.RecordAsync(context.StationId, rows, time.GetUtcNow(), cancellationToken);
        return new NotifyEventResponse();
    }
}
