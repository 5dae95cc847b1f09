using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>StatusNotification: stored (current row and history) first; then the in-memory registry and subscribers learn it.</summary>
public sealed class StatusNotificationHandler(ConnectorStatusStore statuses, ConnectorStatusRegistry registry, StationEventHub events, TimeProvider time) : IStationCallHandler<StatusNotificationRequest, StatusNotificationResponse>
{
    public async ValueTask<StatusNotificationResponse> HandleAsync(OcppCallContext context, StatusNotificationRequest request, CancellationToken cancellationToken)
    {
        await statuses.RecordAsync(context.StationId, request, time.GetUtcNow(), cancellationToken);

        var status = request.ConnectorStatus.ToString();
        registry.Update(context.StationId, request.EvseId, request.ConnectorId, status, request.Timestamp);
        events.Publish(new StatusEvent(context.StationId, request.Timestamp, request.EvseId, request.ConnectorId, status));
        return new StatusNotificationResponse();
    }
}
