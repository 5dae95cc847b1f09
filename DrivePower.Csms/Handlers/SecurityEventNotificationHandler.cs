using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>SecurityEventNotification: a <c>station_events</c> row with the type as event_type and the request as payload.</summary>
public sealed class SecurityEventNotificationHandler(StationEventStore stationEvents, TimeProvider time) : IStationCallHandler<SecurityEventNotificationRequest, SecurityEventNotificationResponse>
{
    public const string Kind = "SecurityEventNotification";

    public async ValueTask<SecurityEventNotificationResponse> HandleAsync(
        OcppCallContext context, SecurityEventNotificationRequest request, CancellationToken cancellationToken)
    {
        var row = new StationEventRow(Kind, request.Type, request.Timestamp, context.Payload.GetRawText());
        await stationEvents.RecordAsync(context.StationId, [row], time.GetUtcNow(), cancellationToken);
        return new SecurityEventNotificationResponse();
    }
}
