using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>ReservationStatusUpdate: the active reservation is marked Expired or Removed before the answer.</summary>
public sealed class ReservationStatusUpdateHandler(ReservationStore reservations, TimeProvider time)
    : IStationCallHandler<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse>
{
    public async ValueTask<ReservationStatusUpdateResponse> HandleAsync(
        OcppCallContext context, ReservationStatusUpdateRequest request, CancellationToken cancellationToken)
    {
        await reservations.EndAsync(context.StationId, request.ReservationId, request.ReservationUpdateStatus.ToString(), null, time.GetUtcNow(), cancellationToken);
        return new ReservationStatusUpdateResponse();
    }
}
