using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>GetBaseReport: Accepted, then the device model in NotifyReport parts (tbc until the last) with the request's id.</summary>
internal static class GetBaseReportHandler
{
    /// <summary>Rows per NotifyReport, so a station with many EVSEs reports in several parts, as real ones do.</summary>
    private const int RowsPerPart = 10;

    public static OcppHandlerRegistry OnGetBaseReport(this OcppHandlerRegistry handlers) =>
        handlers.On<GetBaseReportRequest, GetBaseReportResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"{request.ReportBase} (request {request.RequestId})");
            var rows = station.DeviceModel.Report(request.ReportBase);
            if (rows.Count == 0)
                return ValueTask.FromResult(new GetBaseReportResponse { Status = GenericDeviceModelStatus.EmptyResultSet });

            station.AfterAnswer(() => SendReportAsync(station, request.RequestId, rows));
            return ValueTask.FromResult(new GetBaseReportResponse { Status = GenericDeviceModelStatus.Accepted });
        });

    private static async Task SendReportAsync(Station station, int requestId, IReadOnlyList<ReportData> rows)
    {
        var parts = rows.Chunk(RowsPerPart).ToList();
        var generatedAt = DateTimeOffset.UtcNow;
        for (var seqNo = 0; seqNo < parts.Count; seqNo++)
        {
            var part = new NotifyReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = seqNo,
                Tbc = seqNo < parts.Count - 1 ? true : null,
                ReportData = parts[seqNo],
            };
            if (await station.SendNowAsync(part, CancellationToken.None).ConfigureAwait(false) is null)
                return; // not delivered: the CSMS can ask again
        }
    }
}
