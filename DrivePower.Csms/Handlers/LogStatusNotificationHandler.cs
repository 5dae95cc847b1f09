using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>LogStatusNotification: the latest status, requestId and time on the station row, and the status of that GetLog request.</summary>
public sealed class LogStatusNotificationHandler(StationStatusStore statuses, StationLogStore logs, TimeProvider time) : IStationCallHandler<LogStatusNotificationRequest, LogStatusNotificationResponse>
{
    public async ValueTask<LogStatusNotificationResponse> HandleAsync(
        OcppCallContext context, LogStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        await statuses.RecordLogStatusAsync(context.StationId, request.Status.ToString(), request.RequestId, time.GetUtcNow(), cancellationToken);
        if (request.RequestId is { } requestId)
            await logs.RecordStatusAsync(context.StationId, requestId, request.Status.ToString(), cancellationToken);
        return new LogStatusNotificationResponse();
    }
}
