using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>LogStatusNotification: the latest status, requestId and time on the station row.</summary>
public sealed class LogStatusNotificationHandler(StationStatusStore statuses, TimeProvider time) : IStationCallHandler<LogStatusNotificationRequest, LogStatusNotificationResponse>
{
    public async ValueTask<LogStatusNotificationResponse> HandleAsync(
        OcppCallContext context, LogStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        await statuses.RecordLogStatusAsync(context.StationId, request.Status.ToString(), request.RequestId, time.GetUtcNow(), cancellationToken);
        return new LogStatusNotificationResponse();
    }
}
