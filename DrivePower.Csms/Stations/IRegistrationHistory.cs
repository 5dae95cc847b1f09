using DrivePower.Csms.Data;

namespace DrivePower.Csms.Stations;

/// <summary>Whether a station was Accepted before, so a reconnecting station need not boot again.</summary>
public interface IRegistrationHistory
{
    Task<bool> WasAcceptedAsync(string stationId, CancellationToken cancellationToken);
}

/// <summary>
/// The registration status stored by BootNotification. An unreadable database counts as "not yet
/// accepted": the station is asked to boot, which stores it again.
/// </summary>
public sealed class StoredRegistrationHistory(StationStore stations) : IRegistrationHistory
{
    public async Task<bool> WasAcceptedAsync(string stationId, CancellationToken cancellationToken)
    {
        try
        {
            return await stations.GetRegistrationStatusAsync(stationId, cancellationToken) == "Accepted";
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }
}
