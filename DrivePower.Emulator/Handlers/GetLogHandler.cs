using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// GetLog: Accepted (AcceptedCanceled when it replaces a running upload) with the file name; once the
/// answer is out the station builds the log and uploads it, reporting each step in LogStatusNotification.
/// </summary>
internal static class GetLogHandler
{
    public static OcppHandlerRegistry OnGetLog(this OcppHandlerRegistry handlers) =>
        handlers.On<GetLogRequest, GetLogResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"{request.LogType} {request.RequestId} to {request.Log.RemoteLocation}");
            var (answer, run) = station.LogUploads.Start(request);
            station.AfterAnswer(() => run(status => station.SendNowAsync(status, CancellationToken.None)));
            return ValueTask.FromResult(answer);
        });
}
