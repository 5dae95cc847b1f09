using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.SmartCharging;

/// <summary>
/// What K01 (SetChargingProfile) requires of a profile beyond its schema; the first rule broken is
/// the answer's reason. The limits come from the device model's SmartChargingCtrlr.
/// </summary>
internal static class ProfileRules
{
    public static ProfileRejection? Check(Station station, int evseId, ChargingProfile profile, DateTimeOffset now, bool fromRemoteStart = false)
    {
        var settings = station.DeviceModel;
        if (!settings.SmartChargingEnabled)
            return new("NotEnabled", "SmartChargingCtrlr.Enabled is false.");
        if (evseId != 0 && station.FindEvse(evseId) is null)
            return new("UnknownEvse", $"The station has no EVSE {evseId}.");
        if (CheckPurpose(station, evseId, profile, fromRemoteStart) is { } purpose)
            return purpose;
        if (profile.StackLevel < 0 || profile.StackLevel > settings.ProfileStackLevel)
            return new("InvalidStackLevel", $"stackLevel must be 0 to {settings.ProfileStackLevel} (SmartChargingCtrlr.ProfileStackLevel).");
        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && from >= to)
            return new("InvalidValidity", "validFrom must be before validTo.");
        if (profile.ValidTo is { } end && end <= now)
            return new("InvalidValidity", "validTo is already past.");
        return CheckKind(profile) ?? CheckSchedule(station, profile);
    }

    private static ProfileRejection? CheckPurpose(Station station, int evseId, ChargingProfile profile, bool fromRemoteStart)
    {
        switch (profile.ChargingProfilePurpose)
        {
            case ChargingProfilePurpose.ChargingStationExternalConstraints:
                return new("InvalidPurpose", "ChargingStationExternalConstraints profiles are set by external systems, not the CSMS.");
            case ChargingProfilePurpose.ChargingStationMaxProfile when evseId != 0:
                return new("InvalidPurpose", "A ChargingStationMaxProfile applies to the whole station: evseId must be 0.");
            case ChargingProfilePurpose.TxProfile when fromRemoteStart:
                return profile.TransactionId is null ? null : new("InvalidProfile", "The profile of a remote start must not name a transactionId.");
            case ChargingProfilePurpose.TxProfile when evseId == 0:
                return new("InvalidPurpose", "A TxProfile belongs to a transaction on an EVSE: evseId must not be 0.");
            case ChargingProfilePurpose.TxProfile when profile.TransactionId is not { } transactionId
                || station.FindEvse(evseId)?.Transaction is not { IsEnded: false } transaction || transaction.Id != transactionId:
                return new("TxNotFound", $"A TxProfile needs the transactionId of the transaction running on EVSE {evseId}.");
            case not ChargingProfilePurpose.TxProfile when fromRemoteStart:
                return new("InvalidProfile", "The profile of a remote start must be a TxProfile.");
            default:
                return null;
        }
    }

    private static ProfileRejection? CheckKind(ChargingProfile profile)
    {
        var start = profile.ChargingSchedule[0].StartSchedule;
        return profile.ChargingProfileKind switch
        {
            ChargingProfileKind.Recurring when profile.RecurrencyKind is null || start is null =>
                new("InvalidKind", "A Recurring profile needs recurrencyKind and startSchedule."),
            ChargingProfileKind.Absolute when start is null => new("InvalidKind", "An Absolute profile needs startSchedule."),
            ChargingProfileKind.Relative when start is not null => new("InvalidKind", "A Relative profile starts with its transaction: no startSchedule."),
            not ChargingProfileKind.Recurring when profile.RecurrencyKind is not null =>
                new("InvalidKind", "recurrencyKind is only for a Recurring profile."),
            _ => null,
        };
    }

    private static ProfileRejection? CheckSchedule(Station station, ChargingProfile profile)
    {
        if (profile.ChargingSchedule.Count > 1)
            return new("InvalidSchedule", "One chargingSchedule per profile: more are for ISO 15118 EVs, which this station does not speak.");
        var schedule = profile.ChargingSchedule[0];
        if (!station.DeviceModel.RateUnits.Contains(schedule.ChargingRateUnit))
            return new("UnsupportedRateUnit", $"chargingRateUnit {schedule.ChargingRateUnit} is not in SmartChargingCtrlr.RateUnit.");
        if (schedule.Duration is <= 0)
            return new("InvalidSchedule", "duration must be positive.");
        var periods = schedule.ChargingSchedulePeriod;
        if (periods.Count > station.DeviceModel.PeriodsPerSchedule)
            return new("InvalidSchedule", $"At most {station.DeviceModel.PeriodsPerSchedule} periods (SmartChargingCtrlr.PeriodsPerSchedule).");
        if (periods[0].StartPeriod != 0)
            return new("InvalidSchedule", "The first period must start at 0.");
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (i > 0 && period.StartPeriod <= periods[i - 1].StartPeriod)
                return new("InvalidSchedule", $"Period {i} must start after period {i - 1}.");
            if (period.Limit < 0)
                return new("InvalidSchedule", $"Period {i} has a negative limit.");
            if (period.NumberPhases is < 1 or > 3)
                return new("InvalidSchedule", $"Period {i}: numberPhases must be 1, 2 or 3.");
            if (period.PhaseToUse is { } phase && (period.NumberPhases != 1 || phase is < 1 or > 3))
                return new("InvalidSchedule", $"Period {i}: phaseToUse (1 to 3) needs numberPhases 1.");
        }

        return null;
    }
}
