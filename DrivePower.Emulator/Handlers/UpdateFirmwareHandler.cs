using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// UpdateFirmware: Accepted (AcceptedCanceled when it replaces a running update; InvalidCertificate for a
/// signing certificate that can't verify; Rejected for half a signature or during the install's reboot); once
/// the answer is out the station downloads, verifies and installs, reporting each step in FirmwareStatusNotification.
/// </summary>
internal static class UpdateFirmwareHandler
{
    public static OcppHandlerRegistry OnUpdateFirmware(this OcppHandlerRegistry handlers) =>
        handlers.On<UpdateFirmwareRequest, UpdateFirmwareResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"request {request.RequestId} from {request.Firmware.Location}");
            var (answer, run) = station.Firmware.Start(request);
            if (run is not null)
                station.AfterAnswer(run);
            return ValueTask.FromResult(answer);
        });
}
