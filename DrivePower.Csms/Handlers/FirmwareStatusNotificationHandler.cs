using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>
/// FirmwareStatusNotification: the latest status, requestId and time on the station row, and, with a
/// requestId, the status appended to that update's history (kept even if the update's answer is not stored yet).
/// </summary>
public sealed class FirmwareStatusNotificationHandler(StationStatusStore statuses, FirmwareUpdateStore updates, TimeProvider time)
    : IStationCallHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    public async ValueTask<FirmwareStatusNotificationResponse> HandleAsync(
        OcppCallContext context, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await statuses.RecordFirmwareStatusAsync(context.StationId, request.Status.ToString(), request.RequestId, at, cancellationToken);
        if (request.RequestId is { } requestId)
            await updates.RecordStatusAsync(context.StationId, requestId, request.Status.ToString(), at, cancellationToken);
        return new FirmwareStatusNotificationResponse();
    }
}
