using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// N: SetVariableMonitoring (N04: one result per monitor, by the book's rules), ClearVariableMonitoring (N06),
/// SetMonitoringBase (N03), SetMonitoringLevel (N05) and GetMonitoringReport (N02: Accepted, then
/// NotifyMonitoringReport parts; EmptyResultSet when nothing matches). More monitors in one request than
/// MonitoringCtrlr.ItemsPerMessage is an OccurrenceConstraintViolation, as the spec says; with MonitoringCtrlr
/// disabled every monitor is Rejected.
/// </summary>
internal static class VariableMonitoringHandlers
{
    /// <summary>Monitored variables per NotifyMonitoringReport, so a long report comes in parts, as real ones do.</summary>
    private const int VariablesPerPart = 10;

    public static OcppHandlerRegistry OnVariableMonitoring(this OcppHandlerRegistry handlers) => handlers
        .On<SetVariableMonitoringRequest, SetVariableMonitoringResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"{request.SetMonitoringData.Count} monitor(s)");
            WithinItemsPerMessage(request.SetMonitoringData.Count);
            var results = request.SetMonitoringData.Select(data => station.DeviceModel.MonitoringEnabled
                ? station.Monitors.Set(data, station.DeviceModel.TargetOf(data.Component, data.Variable), station.DeviceModel.ReadMonitored(data.Component, data.Variable))
                : Disabled(data)).ToList();
            station.AfterAnswer(Changed(station));
            return ValueTask.FromResult(new SetVariableMonitoringResponse { SetMonitoringResult = results });
        })
        .On<ClearVariableMonitoringRequest, ClearVariableMonitoringResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"monitors {string.Join(',', request.Id)}");
            WithinItemsPerMessage(request.Id.Count);
            var results = request.Id.Select(station.Monitors.Clear).ToList();
            station.AfterAnswer(Changed(station));
            return ValueTask.FromResult(new ClearVariableMonitoringResponse { ClearMonitoringResult = results });
        })
        .On<SetMonitoringBaseRequest, SetMonitoringBaseResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, request.MonitoringBase.ToString());
            station.Monitors.SetBase(request.MonitoringBase);
            station.AfterAnswer(Changed(station));
            return ValueTask.FromResult(new SetMonitoringBaseResponse { Status = GenericDeviceModelStatus.Accepted });
        })
        .On<SetMonitoringLevelRequest, SetMonitoringLevelResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"severity {request.Severity}");
            return ValueTask.FromResult(station.Monitors.SetLevel(request.Severity)
                ? new SetMonitoringLevelResponse { Status = GenericStatus.Accepted }
                : new SetMonitoringLevelResponse { Status = GenericStatus.Rejected, StatusInfo = new StatusInfo { ReasonCode = "InvalidSeverity" } });
        })
        .On<GetMonitoringReportRequest, GetMonitoringReportResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var report = station.Monitors.Report(request.MonitoringCriteria, request.ComponentVariable);
            station.CommandReceived(context.Action, $"request {request.RequestId}: {report.Count} monitored variable(s)");
            if (report.Count == 0)
                return ValueTask.FromResult(new GetMonitoringReportResponse { Status = GenericDeviceModelStatus.EmptyResultSet });
            station.AfterAnswer(() => SendReportAsync(station, request.RequestId, report));
            return ValueTask.FromResult(new GetMonitoringReportResponse { Status = GenericDeviceModelStatus.Accepted });
        });

    private static void WithinItemsPerMessage(int count)
    {
        if (count > DeviceModel.MonitorsPerMessage)
            throw new OcppCallErrorException(OcppErrorCode.OccurrenceConstraintViolation,
                $"{count} monitors in one request; MonitoringCtrlr.ItemsPerMessage is {DeviceModel.MonitorsPerMessage}.");
    }

    private static SetMonitoringResult Disabled(SetMonitoringData data) => new()
    {
        Status = SetMonitoringStatus.Rejected,
        StatusInfo = new StatusInfo { ReasonCode = "Disabled" },
        Type = data.Type,
        Severity = data.Severity,
        Component = data.Component,
        Variable = data.Variable,
    };

    private static Func<Task> Changed(Station station) => () =>
    {
        station.MonitorsChanged();
        return Task.CompletedTask;
    };

    private static async Task SendReportAsync(Station station, int requestId, IReadOnlyList<MonitoringData> report)
    {
        var parts = report.Chunk(VariablesPerPart).ToList();
        var generatedAt = DateTimeOffset.UtcNow;
        for (var seqNo = 0; seqNo < parts.Count; seqNo++)
        {
            var part = new NotifyMonitoringReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = seqNo,
                Tbc = seqNo < parts.Count - 1 ? true : null,
                Monitor = parts[seqNo],
            };
            if (await station.SendNowAsync(part, CancellationToken.None).ConfigureAwait(false) is null)
                return; // not delivered: the CSMS can ask again
        }
    }
}
