using DrivePower.Ocpp.Messages;

namespace DrivePower.Csms.Data;

/// <summary>Connector statuses: the current one per connector, and every report in the history.</summary>
public sealed class ConnectorStatusStore(SqlRunner sql)
{
    // One statement, so the current row and the history never disagree. The current row keeps the
    // newest report by the station's timestamp (reports may arrive late); the history keeps every
    // report, as received, for the stand's users to look back on.
    private const string RecordStatusSql = """
        WITH current_row AS (
            INSERT INTO station_connector_statuses (station_id, evse_id, connector_id, status, status_timestamp, stored_at)
            VALUES (@station, @evse, @connector, @status, @timestamp, @now)
            ON CONFLICT (station_id, evse_id, connector_id) DO UPDATE SET
                status = EXCLUDED.status, status_timestamp = EXCLUDED.status_timestamp, stored_at = EXCLUDED.stored_at
            WHERE station_connector_statuses.status_timestamp <= EXCLUDED.status_timestamp
        )
        INSERT INTO station_connector_status_history (station_id, evse_id, connector_id, status, status_timestamp, stored_at)
        VALUES (@station, @evse, @connector, @status, @timestamp, @now)
        """;

    // Not retried: a rerun after a commit would add the history row twice.
    public Task RecordAsync(string stationId, StatusNotificationRequest status, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store the connector status and its history", $"{stationId} evse {status.EvseId} connector {status.ConnectorId}", SqlRetry.Once,
            RecordStatusSql, parameters =>
            {
                parameters.AddWithValue("station", stationId);
                parameters.AddWithValue("evse", status.EvseId);
                parameters.AddWithValue("connector", status.ConnectorId);
                parameters.AddWithValue("status", status.ConnectorStatus.ToString());
                parameters.AddWithValue("timestamp", status.Timestamp);
                parameters.AddWithValue("now", now);
            }, cancellationToken);
}
