using DrivePower.Emulator.SmartCharging;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// SetChargingProfile (K01): checked against the spec's rules (<see cref="ProfileRules"/>) and installed,
/// replacing a profile of the same id; after the answer the EVSEs follow the new limits.
/// </summary>
internal static class SetChargingProfileHandler
{
    public static OcppHandlerRegistry OnSetChargingProfile(this OcppHandlerRegistry handlers) =>
        handlers.On<SetChargingProfileRequest, SetChargingProfileResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var profile = request.ChargingProfile;
            station.CommandReceived(context.Action, $"profile {profile.Id} {profile.ChargingProfilePurpose} stackLevel {profile.StackLevel} on EVSE {request.EvseId}");
            var before = station.ChargingLimits();
            var rejection = ProfileRules.Check(station, request.EvseId, profile, DateTimeOffset.UtcNow)
                ?? station.ChargingProfiles.Install(request.EvseId, profile);
            if (rejection is not null)
                return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected, StatusInfo = rejection.ToStatusInfo() });

            station.AfterAnswer(() =>
            {
                station.ApplyChargingLimits(before);
                return Task.CompletedTask;
            });
            return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted });
        });
}
