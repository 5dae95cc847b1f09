using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Handlers;

/// <summary>BootNotification: the station is stored (upserted) and Accepted with the configured heartbeat interval.</summary>
public sealed class BootNotificationHandler(StationStore stations, StationEventHub events, IOptions<CsmsOptions> options, TimeProvider time) : IStationCallHandler<BootNotificationRequest, BootNotificationResponse>
{
    public async ValueTask<BootNotificationResponse> HandleAsync(OcppCallContext context, BootNotificationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        const RegistrationStatus Status = RegistrationStatus.Accepted;
        await stations.RecordBootAsync(context.StationId, request, Status, now, cancellationToken);

        context.Session().Accepted = true;
        events.Publish(new StationBootedEvent(context.StationId, now, request.Reason.ToString(), Status.ToString()));
        return new BootNotificationResponse
        {
            CurrentTime = now,
            Interval = options.Value.HeartbeatIntervalSeconds,
            Status = Status,
        };
    }
}
