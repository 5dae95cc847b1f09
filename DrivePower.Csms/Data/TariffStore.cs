using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>A tariff: a session fee plus prices per kWh and per minute of session, in one ISO 4217 currency.</summary>
public sealed record Tariff(string Currency, decimal PricePerKwh, decimal PricePerMinute, decimal PricePerSession, DateTimeOffset UpdatedAt);

/// <summary>
/// The tariffs the CSMS charges by: the default (<c>station_id</c> null) and per-station overrides. The
/// TransactionEvent path reads them inside its own batch (see <see cref="TransactionStore"/>), not here.
/// </summary>
public sealed class TariffStore(SqlRunner sql)
{
    private const string ReadSql = """
        SELECT currency, price_per_kwh, price_per_minute, price_per_session, updated_at
        FROM tariffs WHERE station_id IS NOT DISTINCT FROM @station
        """;

    // The override's station must exist: no row is written (and none returned) for an unknown one.
    private const string UpsertSql = """
        INSERT INTO tariffs (station_id, currency, price_per_kwh, price_per_minute, price_per_session, updated_at)
        SELECT @station, @currency, @perKwh, @perMinute, @perSession, @now
        WHERE @station::text IS NULL OR EXISTS (SELECT 1 FROM stations WHERE id = @station)
        ON CONFLICT (station_id) DO UPDATE SET currency = EXCLUDED.currency, price_per_kwh = EXCLUDED.price_per_kwh,
            price_per_minute = EXCLUDED.price_per_minute, price_per_session = EXCLUDED.price_per_session, updated_at = EXCLUDED.updated_at
        RETURNING currency, price_per_kwh, price_per_minute, price_per_session, updated_at
        """;

    private const string DeleteSql = "DELETE FROM tariffs WHERE station_id IS NOT DISTINCT FROM @station";

    /// <summary>The default tariff (<paramref name="stationId"/> null) or the station's override; null when none is set.</summary>
    public Task<Tariff?> GetAsync(string? stationId, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<Tariff>("read the tariff", stationId ?? "default", SqlRetry.Idempotent, ReadSql,
            new { station = stationId }, cancellationToken);

    /// <summary>Sets the tariff; null when <paramref name="stationId"/> names no known station.</summary>
    public Task<Tariff?> SetAsync(string? stationId, string currency, decimal perKwh, decimal perMinute, decimal perSession, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<Tariff>("set the tariff", stationId ?? "default", SqlRetry.Idempotent, UpsertSql,
            new { station = stationId, currency, perKwh, perMinute, perSession, now = now.ToUniversalTime() }, cancellationToken);

    /// <summary>Removes the tariff; false when there was none.</summary>
    public Task<bool> DeleteAsync(string? stationId, CancellationToken cancellationToken) =>
        sql.RunAsync("delete the tariff", stationId ?? "default", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(DeleteSql, connection);
            command.Parameters.AddNullable("station", NpgsqlDbType.Text, stationId);
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, cancellationToken);

}
