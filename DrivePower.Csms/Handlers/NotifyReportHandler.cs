using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyReport: each part stored as it arrives; the last part makes this report replace older ones.</summary>
public sealed class NotifyReportHandler(DeviceModelStore deviceModel) : IStationCallHandler<NotifyReportRequest, NotifyReportResponse>
{
    public async ValueTask<NotifyReportResponse> HandleAsync(OcppCallContext context, NotifyReportRequest request, CancellationToken cancellationToken)
    {
        await deviceModel.RecordReportPartAsync(context.StationId, request, cancellationToken);
        return new NotifyReportResponse();
    }
}
