using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.SmartCharging;

/// <summary>
/// The profiles a station holds, keyed by id (a new profile with a known id replaces it). Checked by
/// <see cref="ProfileRules"/> before they get here; thread-safe.
/// </summary>
internal sealed class ChargingProfileSet
{
    private readonly Lock _sync = new();
    private readonly List<InstalledProfile> _profiles = [];

    public IReadOnlyList<InstalledProfile> All
    {
        get
        {
            lock (_sync)
                return [.. _profiles];
        }
    }

    public int Count
    {
        get
        {
            lock (_sync)
                return _profiles.Count;
        }
    }

    /// <summary>Installs the profile, or says which held one already has its purpose and stack level (K01.FR.06).</summary>
    public ProfileRejection? Install(int evseId, ChargingProfile profile)
    {
        lock (_sync)
        {
            var clash = _profiles.FirstOrDefault(held => held.Profile.Id != profile.Id && held.EvseId == evseId
                && held.Purpose == profile.ChargingProfilePurpose && held.Profile.StackLevel == profile.StackLevel
                && held.Profile.TransactionId == profile.TransactionId);
            if (clash is not null)
                return new("DuplicateProfile", $"Profile {clash.Profile.Id} already has this purpose and stackLevel on EVSE {evseId}.");
            _profiles.RemoveAll(held => held.Profile.Id == profile.Id);
            _profiles.Add(new InstalledProfile(evseId, profile));
            return null;
        }
    }

    /// <summary>
    /// K10: the profile of that id, else those matching every criterion given (none given: all of them);
    /// external constraints are not the CSMS's to clear. The number removed.
    /// </summary>
    public int Clear(ClearChargingProfileRequest request)
    {
        var criteria = request.ChargingProfileCriteria;
        lock (_sync)
        {
            return _profiles.RemoveAll(held => held.Purpose != ChargingProfilePurpose.ChargingStationExternalConstraints
                && (request.ChargingProfileId is { } id
                    ? held.Profile.Id == id
                    : (criteria?.EvseId is not { } evse || held.EvseId == evse)
                      && (criteria?.ChargingProfilePurpose is not { } purpose || held.Purpose == purpose)
                      && (criteria?.StackLevel is not { } level || held.Profile.StackLevel == level)));
        }
    }

    /// <summary>K09: the profiles matching every criterion given; this station's own are all source CSO.</summary>
    public IReadOnlyList<InstalledProfile> Matching(GetChargingProfilesRequest request)
    {
        var criterion = request.ChargingProfile;
        if (criterion.ChargingLimitSource is { } sources && !sources.Contains(ChargingLimitSource.CSO))
            return [];
        return [.. All.Where(held => (request.EvseId is not { } evse || held.EvseId == evse)
            && (criterion.ChargingProfilePurpose is not { } purpose || held.Purpose == purpose)
            && (criterion.StackLevel is not { } level || held.Profile.StackLevel == level)
            && (criterion.ChargingProfileId is not { } ids || ids.Contains(held.Profile.Id)))];
    }

    /// <summary>A TxProfile ends with its transaction.</summary>
    public void RemoveTransaction(string transactionId)
    {
        lock (_sync)
            _profiles.RemoveAll(held => held.Purpose == ChargingProfilePurpose.TxProfile && held.Profile.TransactionId == transactionId);
    }
}
