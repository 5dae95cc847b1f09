using System.Text.Json;
using DrivePower.Ocpp.Messages;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One row of <c>charging_limits</c>: an external limit on a station or one of its EVSEs (0: none given).</summary>
public sealed record ChargingLimitRecord(int EvseId, string Source, bool? IsGridCritical, JsonElement? Schedules, DateTimeOffset NotifiedAt);

/// <summary>External limits (NotifyChargingLimit), one per station, EVSE and source, until ClearedChargingLimit.</summary>
public sealed class ChargingLimitStore(SqlRunner sql)
{
    private const string UpsertSql = """
        INSERT INTO charging_limits (station_id, evse_id, source, is_grid_critical, schedules, notified_at)
        VALUES (@station, @evse, @source, @gridCritical, @schedules, @at)
        ON CONFLICT ON CONSTRAINT pk_charging_limits DO UPDATE SET
            is_grid_critical = EXCLUDED.is_grid_critical, schedules = EXCLUDED.schedules, notified_at = EXCLUDED.notified_at
        """;

    // Without an EVSE the source's limits are cleared everywhere on the station.
    private const string DeleteSql = """
        DELETE FROM charging_limits WHERE station_id = @station AND source = @source AND (@evse IS NULL OR evse_id = @evse)
        """;

    private const string ListSql = """
        SELECT evse_id, source, is_grid_critical, schedules, notified_at FROM charging_limits
        WHERE station_id = @station ORDER BY evse_id, source
        """;

    public Task RecordAsync(string stationId, NotifyChargingLimitRequest limit, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a charging limit", stationId, SqlRetry.Idempotent, UpsertSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("evse", limit.EvseId ?? 0);
            parameters.AddWithValue("source", limit.ChargingLimit.ChargingLimitSource.ToString());
            parameters.AddNullable("gridCritical", NpgsqlDbType.Boolean, limit.ChargingLimit.IsGridCritical);
            parameters.AddNullable("schedules", NpgsqlDbType.Jsonb, limit.ChargingSchedule is { } schedules
                ? JsonSerializer.Serialize(schedules, OcppJsonContext.Default.IReadOnlyListChargingSchedule)
                : null);
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken);

    public Task<int> ClearAsync(string stationId, ClearedChargingLimitRequest cleared, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("clear a charging limit", stationId, SqlRetry.Idempotent, DeleteSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("source", cleared.ChargingLimitSource.ToString());
            parameters.AddNullable("evse", NpgsqlDbType.Integer, cleared.EvseId);
        }, cancellationToken);

    public Task<List<ChargingLimitRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.QueryAsync<ChargingLimitRecord>("list charging limits", stationId, SqlRetry.Idempotent, ListSql, new { station = stationId }, cancellationToken);
}
