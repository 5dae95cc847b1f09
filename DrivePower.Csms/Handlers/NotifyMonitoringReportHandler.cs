using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>NotifyMonitoringReport: each part's monitors are stored (replacing ones of the same id) before the answer.</summary>
public sealed class NotifyMonitoringReportHandler(VariableMonitorStore monitors, TimeProvider time)
    : IStationCallHandler<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse>
{
    public async ValueTask<NotifyMonitoringReportResponse> HandleAsync(
        OcppCallContext context, NotifyMonitoringReportRequest request, CancellationToken cancellationToken)
    {
        await monitors.RecordReportAsync(context.StationId, request, time.GetUtcNow(), cancellationToken);
        return new NotifyMonitoringReportResponse();
    }
}
