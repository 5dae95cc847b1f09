using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>FirmwareStatusNotification: the latest status, requestId and time on the station row.</summary>
public sealed class FirmwareStatusNotificationHandler(StationStatusStore statuses, TimeProvider time) : IStationCallHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    public async ValueTask<FirmwareStatusNotificationResponse> HandleAsync(
        OcppCallContext context, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        await statuses.RecordFirmwareStatusAsync(context.StationId, request.Status.ToString(), request.RequestId, time.GetUtcNow(), cancellationToken);
        return new FirmwareStatusNotificationResponse();
    }
}
