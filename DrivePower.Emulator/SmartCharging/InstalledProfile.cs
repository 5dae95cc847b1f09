using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.SmartCharging;

/// <summary>A charging profile the station holds, on an EVSE (0: the station as a whole).</summary>
internal sealed record InstalledProfile(int EvseId, ChargingProfile Profile)
{
    public ChargingProfilePurpose Purpose => Profile.ChargingProfilePurpose;
}

/// <summary>Why a profile was refused: the reasonCode (at most 20 characters) and a sentence for additionalInfo.</summary>
internal sealed record ProfileRejection(string ReasonCode, string Detail)
{
    public StatusInfo ToStatusInfo() => new() { ReasonCode = ReasonCode, AdditionalInfo = Detail };
}
