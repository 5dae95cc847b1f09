using DrivePower.Ocpp.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>What the CSMS stores about stations: boot data, signs of life, registration.</summary>
public sealed class StationStore(SqlRunner sql)
{
    private const string UpsertBootSql = """
        INSERT INTO stations (id, vendor_name, model, serial_number, firmware_version, modem_iccid, modem_imsi,
                              last_boot_reason, registration_status, first_boot_at, last_boot_at, last_seen_at, created_at, updated_at)
        VALUES (@id, @vendor, @model, @serial, @firmware, @iccid, @imsi, @reason, @status, @now, @now, @now, @now, @now)
        ON CONFLICT (id) DO UPDATE SET
            vendor_name = EXCLUDED.vendor_name, model = EXCLUDED.model, serial_number = EXCLUDED.serial_number,
            firmware_version = EXCLUDED.firmware_version, modem_iccid = EXCLUDED.modem_iccid, modem_imsi = EXCLUDED.modem_imsi,
            last_boot_reason = EXCLUDED.last_boot_reason, registration_status = EXCLUDED.registration_status,
            first_boot_at = COALESCE(stations.first_boot_at, EXCLUDED.first_boot_at),
            last_boot_at = EXCLUDED.last_boot_at, last_seen_at = EXCLUDED.last_seen_at, updated_at = EXCLUDED.updated_at
        """;

    // Every row about the station goes with it (the foreign keys cascade): statuses, transactions, meter values, events, device model.
    private const string DeleteSql = "DELETE FROM stations WHERE id = @id";

    private const string RegistrationStatusSql = "SELECT registration_status FROM stations WHERE id = @id";

    private const string TouchSql = "UPDATE stations SET last_seen_at = GREATEST(last_seen_at, @now) WHERE id = @id";

    private const string TouchManySql = """
        UPDATE stations AS s SET last_seen_at = GREATEST(s.last_seen_at, seen.at)
        FROM unnest(@ids, @times) AS seen(id, at)
        WHERE s.id = seen.id
        """;

    public Task RecordBootAsync(string stationId, BootNotificationRequest boot, RegistrationStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("upsert the station's boot data", stationId, SqlRetry.Idempotent, UpsertBootSql, parameters =>
        {
            var station = boot.ChargingStation;
            parameters.AddWithValue("id", stationId);
            parameters.AddWithValue("vendor", station.VendorName);
            parameters.AddWithValue("model", station.Model);
            parameters.AddWithValue("serial", NpgsqlDbType.Varchar, (object?)station.SerialNumber ?? DBNull.Value);
            parameters.AddWithValue("firmware", NpgsqlDbType.Varchar, (object?)station.FirmwareVersion ?? DBNull.Value);
            parameters.AddWithValue("iccid", NpgsqlDbType.Varchar, (object?)station.Modem?.Iccid ?? DBNull.Value);
            parameters.AddWithValue("imsi", NpgsqlDbType.Varchar, (object?)station.Modem?.Imsi ?? DBNull.Value);
            parameters.AddWithValue("reason", boot.Reason.ToString());
            parameters.AddWithValue("status", status.ToString());
            parameters.AddWithValue("now", now);
        }, cancellationToken);

    /// <summary>The registration status stored for a station, or null when it never booted.</summary>
    public Task<string?> GetRegistrationStatusAsync(string stationId, CancellationToken cancellationToken) =>
        sql.RunAsync("read the station's registration status", stationId, SqlRetry.Idempotent, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(RegistrationStatusSql, connection);
            command.Parameters.AddWithValue("id", stationId);
            return await command.ExecuteScalarAsync(token) as string;
        }, cancellationToken);

    /// <summary>Deletes the station and everything stored about it; false when no such station is stored.</summary>
    public async Task<bool> DeleteAsync(string stationId, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("delete the station", stationId, SqlRetry.Once, DeleteSql, parameters => parameters.AddWithValue("id", stationId), cancellationToken) == 1;

    /// <summary>Marks one station seen now; false when no such station is stored.</summary>
    public async Task<bool> TouchAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("update the station's last_seen_at", stationId, SqlRetry.Idempotent, TouchSql, parameters =>
        {
            parameters.AddWithValue("id", stationId);
            parameters.AddWithValue("now", now);
        }, cancellationToken) == 1;

    /// <summary>Writes many signs of life in one statement.</summary>
    public Task TouchManyAsync(IReadOnlyList<(string StationId, DateTimeOffset SeenAt)> seen, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("update last_seen_at in bulk", $"{seen.Count} stations", SqlRetry.Idempotent, TouchManySql, parameters =>
        {
            parameters.AddWithValue("ids", seen.Select(entry => entry.StationId).ToArray());
            parameters.AddWithValue("times", seen.Select(entry => entry.SeenAt).ToArray());
        }, cancellationToken);
}
