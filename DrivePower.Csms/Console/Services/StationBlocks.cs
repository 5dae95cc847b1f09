using DrivePower.Csms.Data;

namespace DrivePower.Csms.WebConsole.Services;

/// <summary>What the CSMS keeps of a station's functional blocks, as the console's blocks tab shows it.</summary>
public sealed record StationBlocks(
    IReadOnlyList<ChargingProfileRecord> ChargingProfiles,
    IReadOnlyList<ChargingLimitRecord> ChargingLimits,
    IReadOnlyList<ReservationRecord> Reservations,
    LocalAuthListRecord LocalList,
    IReadOnlyList<DisplayMessageRecord> DisplayMessages,
    StationTariff? Tariff,
    IReadOnlyList<StationLogRecord> Logs,
    IReadOnlyList<FirmwareUpdateRecord> FirmwareUpdates,
    StationMonitoring Monitoring);

/// <summary>The tariff a station is charged by: its own override, or the default one.</summary>
public sealed record StationTariff(Tariff Tariff, bool IsOverride);

/// <summary>Reads <see cref="StationBlocks"/> from the stores the operator API reads, so the two always agree.</summary>
public sealed class ConsoleStationBlocks(
    ChargingProfileStore profiles, ChargingLimitStore limits, ReservationStore reservations, LocalAuthListStore localLists,
    DisplayMessageStore displayMessages, TariffStore tariffs, StationLogStore logs, FirmwareUpdateStore firmwareUpdates, VariableMonitorStore monitors)
{
    public async Task<StationBlocks> LoadAsync(string stationId, CancellationToken cancellationToken)
    {
        var tariff = await tariffs.GetAsync(stationId, cancellationToken) is { } own
            ? new StationTariff(own, IsOverride: true)
            : await tariffs.GetAsync(null, cancellationToken) is { } fallback ? new StationTariff(fallback, IsOverride: false) : null;
        return new StationBlocks(
            await profiles.ListAsync(stationId, cancellationToken),
            await limits.ListAsync(stationId, cancellationToken),
            await reservations.ListAsync(stationId, cancellationToken),
            await localLists.ReadAsync(stationId, cancellationToken),
            await displayMessages.ListAsync(stationId, cancellationToken),
            tariff,
            await logs.ListAsync(stationId, cancellationToken),
            await firmwareUpdates.ListAsync(stationId, cancellationToken),
            await monitors.ReadAsync(stationId, cancellationToken));
    }
}
