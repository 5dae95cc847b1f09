using DrivePower.Ocpp.Messages;
using DrivePower.Csms.Data.Batching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>
/// What the CSMS stores about stations: boot data, signs of life, registration. Boots and heartbeats,
/// which arrive in storms, are written in batches (<see cref="WriteBatcher{T}"/>).
/// </summary>
public sealed class StationStore : IAsyncDisposable
{
    // DISTINCT ON: a statement may update a row once only; of two boots of one station in a batch the
    // newer one is kept (OCPP's one CALL at a time makes that rare: two connections of one id).
    private const string UpsertBootsSql = """
        INSERT INTO stations (id, vendor_name, model, serial_number, firmware_version, modem_iccid, modem_imsi,
                              last_boot_reason, registration_status, first_boot_at, last_boot_at, last_seen_at, created_at, updated_at)
        SELECT DISTINCT ON (id) id, vendor, model, serial, firmware, iccid, imsi, reason, status, at, at, at, at, at
        FROM unnest(@ids::text[], @vendors::text[], @models::text[], @serials::text[], @firmwares::text[], @iccids::text[],
                    @imsis::text[], @reasons::text[], @statuses::text[], @times::timestamptz[])
            AS boot(id, vendor, model, serial, firmware, iccid, imsi, reason, status, at)
        ORDER BY id, at DESC
        ON CONFLICT (id) DO UPDATE SET
            vendor_name = EXCLUDED.vendor_name, model = EXCLUDED.model, serial_number = EXCLUDED.serial_number,
            firmware_version = EXCLUDED.firmware_version, modem_iccid = EXCLUDED.modem_iccid, modem_imsi = EXCLUDED.modem_imsi,
            last_boot_reason = EXCLUDED.last_boot_reason, registration_status = EXCLUDED.registration_status,
            first_boot_at = COALESCE(stations.first_boot_at, EXCLUDED.first_boot_at),
            last_boot_at = EXCLUDED.last_boot_at, last_seen_at = EXCLUDED.last_seen_at, updated_at = EXCLUDED.updated_at
        """;

    // Every row about the station goes with it: the foreign keys cascade to statuses, transactions, meter
    // values, events, device model and the rest; the status history has no foreign key (it is written
    // too often to pay for one), so its rows are deleted here.
    private const string DeleteSql = """
        WITH history AS (DELETE FROM station_connector_status_history WHERE station_id = @id)
        DELETE FROM stations WHERE id = @id
        """;

    private const string RegistrationStatusSql = "SELECT registration_status FROM stations WHERE id = @id";

    private const string TouchSql = "UPDATE stations SET last_seen_at = GREATEST(last_seen_at, @now) WHERE id = @id";

    // A statement updates a row once only: of two marks of one station the latest is kept.
    private const string TouchManySql = StationRowLocks.InIdOrder + """
        UPDATE stations AS s SET last_seen_at = GREATEST(s.last_seen_at, seen.at)
        FROM (SELECT id, max(at) AS at FROM unnest(@ids::text[], @times::timestamptz[]) AS marks(id, at) GROUP BY id) AS seen
        WHERE s.id = seen.id
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<BootRecord> _boots;
    private readonly WriteBatcher<(string StationId, DateTimeOffset SeenAt)> _heartbeats;

    public StationStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<StationStore> logger)
    {
        _sql = sql;
        _boots = new WriteBatcher<BootRecord>("station boots", StoreBootsAsync, options.Value, logger);
        _heartbeats = new WriteBatcher<(string, DateTimeOffset)>("heartbeats", TouchManyAsync, options.Value, logger);
    }

    /// <summary>Completes when the boot data is committed, in a batch with other stations' boots.</summary>
    public Task RecordBootAsync(string stationId, BootNotificationRequest boot, RegistrationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var station = boot.ChargingStation;
        return _boots.WriteAsync(new BootRecord(stationId, station.VendorName, station.Model, station.SerialNumber, station.FirmwareVersion,
            station.Modem?.Iccid, station.Modem?.Imsi, boot.Reason.ToString(), status.ToString(), now), cancellationToken);
    }

    /// <summary>A Heartbeat's sign of life, committed in a batch with other stations' before it is answered.</summary>
    public Task RecordHeartbeatAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _heartbeats.WriteAsync((stationId, now), cancellationToken);

    /// <summary>One batch of boots in one statement; an upsert, so safe to run again.</summary>
    internal Task StoreBootsAsync(IReadOnlyList<BootRecord> boots, CancellationToken cancellationToken) =>
        _sql.ExecuteAsync("upsert the stations' boot data", boots.Count == 1 ? boots[0].StationId : $"{boots.Count} stations", SqlRetry.Idempotent,
            UpsertBootsSql, parameters =>
            {
                parameters.AddWithValue("ids", boots.Select(b => b.StationId).ToArray());
                parameters.AddWithValue("vendors", boots.Select(b => b.VendorName).ToArray());
                parameters.AddWithValue("models", boots.Select(b => b.Model).ToArray());
                parameters.AddWithValue("serials", boots.Select(b => b.SerialNumber).ToArray());
                parameters.AddWithValue("firmwares", boots.Select(b => b.FirmwareVersion).ToArray());
                parameters.AddWithValue("iccids", boots.Select(b => b.Iccid).ToArray());
                parameters.AddWithValue("imsis", boots.Select(b => b.Imsi).ToArray());
                parameters.AddWithValue("reasons", boots.Select(b => b.Reason).ToArray());
                parameters.AddWithValue("statuses", boots.Select(b => b.Status).ToArray());
                parameters.AddWithValue("times", boots.Select(b => b.At.ToUniversalTime()).ToArray());
            }, cancellationToken);

    /// <summary>The registration status stored for a station, or null when it never booted.</summary>
    public Task<string?> GetRegistrationStatusAsync(string stationId, CancellationToken cancellationToken) =>
        _sql.RunAsync("read the station's registration status", stationId, SqlRetry.Idempotent, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(RegistrationStatusSql, connection);
            command.Parameters.AddWithValue("id", stationId);
            return await command.ExecuteScalarAsync(token) as string;
        }, cancellationToken);

    /// <summary>Deletes the station and everything stored about it; false when no such station is stored.</summary>
    public async Task<bool> DeleteAsync(string stationId, CancellationToken cancellationToken) =>
        await _sql.ExecuteAsync("delete the station", stationId, SqlRetry.Once, DeleteSql, parameters => parameters.AddWithValue("id", stationId), cancellationToken) == 1;

    /// <summary>Marks one station seen now; false when no such station is stored.</summary>
    public async Task<bool> TouchAsync(string stationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _sql.ExecuteAsync("update the station's last_seen_at", stationId, SqlRetry.Idempotent, TouchSql, parameters =>
        {
            parameters.AddWithValue("id", stationId);
            parameters.AddWithValue("now", now);
        }, cancellationToken) == 1;

    public async ValueTask DisposeAsync()
    {
        await _boots.DisposeAsync();
        await _heartbeats.DisposeAsync();
    }

    internal sealed record BootRecord(
        string StationId, string VendorName, string Model, string? SerialNumber, string? FirmwareVersion,
        string? Iccid, string? Imsi, string Reason, string Status, DateTimeOffset At);

    /// <summary>Writes many signs of life in one statement.</summary>
    public Task TouchManyAsync(IReadOnlyList<(string StationId, DateTimeOffset SeenAt)> seen, CancellationToken cancellationToken) =>
        _sql.ExecuteAsync("update last_seen_at in bulk", $"{seen.Count} stations", SqlRetry.Idempotent, TouchManySql, parameters =>
        {
            parameters.AddWithValue("ids", seen.Select(entry => entry.StationId).ToArray());
            parameters.AddWithValue("times", seen.Select(entry => entry.SeenAt.ToUniversalTime()).ToArray());
        }, cancellationToken);
}
