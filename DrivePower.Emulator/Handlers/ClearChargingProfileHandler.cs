using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>ClearChargingProfile (K10): Accepted when a profile went (then the EVSEs follow the limits left), Unknown when none matched.</summary>
internal static class ClearChargingProfileHandler
{
    public static OcppHandlerRegistry OnClearChargingProfile(this OcppHandlerRegistry handlers) =>
        handlers.On<ClearChargingProfileRequest, ClearChargingProfileResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var before = station.ChargingLimits();
            var removed = station.ChargingProfiles.Clear(request);
            station.CommandReceived(context.Action, $"{removed} profile(s) removed");
            if (removed == 0)
                return ValueTask.FromResult(new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Unknown });

            station.AfterAnswer(() =>
            {
                station.ApplyChargingLimits(before);
                return Task.CompletedTask;
            });
            return ValueTask.FromResult(new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Accepted });
        });
}
