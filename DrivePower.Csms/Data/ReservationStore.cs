using DrivePower.Ocpp.Messages;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One row of <c>reservations</c>.</summary>
public sealed record ReservationRecord(
    int ReservationId, int? EvseId, string IdToken, string IdTokenType, string? GroupIdToken, string? ConnectorType,
    DateTimeOffset ExpiresAt, string Status, string? TransactionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Reservations the stations accepted: stored Active when the station accepts ReserveNow (a known id is
/// replaced, as the station replaces it), then Used, Cancelled, Expired or Removed.
/// </summary>
public sealed class ReservationStore(SqlRunner sql)
{
    private const string UpsertSql = """
        INSERT INTO reservations (station_id, reservation_id, evse_id, id_token, id_token_type, group_id_token, connector_type,
            expires_at, status, transaction_id, created_at, updated_at)
        VALUES (@station, @id, @evse, @idToken, @idTokenType, @group, @connectorType, @expiresAt, 'Active', NULL, @at, @at)
        ON CONFLICT ON CONSTRAINT pk_reservations DO UPDATE SET
            evse_id = EXCLUDED.evse_id, id_token = EXCLUDED.id_token, id_token_type = EXCLUDED.id_token_type,
            group_id_token = EXCLUDED.group_id_token, connector_type = EXCLUDED.connector_type, expires_at = EXCLUDED.expires_at,
            status = 'Active', transaction_id = NULL, updated_at = EXCLUDED.updated_at
        """;

    // Only an active reservation ends; a late or repeated message changes nothing.
    private const string EndSql = """
        UPDATE reservations SET status = @status, transaction_id = @transactionId, updated_at = @at
        WHERE station_id = @station AND reservation_id = @id AND status = 'Active'
        """;

    private const string ListSql = """
        SELECT reservation_id, evse_id, id_token, id_token_type, group_id_token, connector_type, expires_at, status, transaction_id, created_at, updated_at
        FROM reservations WHERE station_id = @station ORDER BY reservation_id
        """;

    public Task RecordAcceptedAsync(string stationId, ReserveNowRequest reservation, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a reservation", $"{stationId} reservation {reservation.Id}", SqlRetry.Idempotent, UpsertSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("id", reservation.Id);
            parameters.AddNullable("evse", NpgsqlDbType.Integer, reservation.EvseId);
            parameters.AddWithValue("idToken", reservation.IdToken.Token);
            parameters.AddWithValue("idTokenType", reservation.IdToken.Type.ToString());
            parameters.AddNullable("group", NpgsqlDbType.Text, reservation.GroupIdToken?.Token);
            parameters.AddNullable("connectorType", NpgsqlDbType.Text, reservation.ConnectorType is { } type
                ? System.Text.Json.JsonSerializer.Serialize(type, OcppJsonContext.Default.ConnectorType).Trim('"')
                : null);
            parameters.AddWithValue("expiresAt", reservation.ExpiryDateTime.ToUniversalTime());
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken);

    /// <summary>Ends an active reservation (Used, Cancelled, Expired, Removed); false when none was active.</summary>
    public async Task<bool> EndAsync(string stationId, int reservationId, string status, string? transactionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("end a reservation", $"{stationId} reservation {reservationId}", SqlRetry.Idempotent, EndSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("id", reservationId);
            parameters.AddWithValue("status", status);
            parameters.AddNullable("transactionId", NpgsqlDbType.Text, transactionId);
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken) > 0;

    public Task<List<ReservationRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.QueryAsync<ReservationRecord>("list reservations", stationId, SqlRetry.Idempotent, ListSql, new { station = stationId }, cancellationToken);
}
