using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Data;

/// <summary>
/// Connector statuses: the current one per connector, and every report in the history. Written in
/// batches (<see cref="WriteBatcher{T}"/>): the most frequent write of a busy stand.
/// </summary>
public sealed class ConnectorStatusStore : IAsyncDisposable
{
    // One statement, so the current row and the history never disagree. The current row keeps the
    // newest report by the station's timestamp (reports may arrive late); the history keeps every
    // report, as received, for the stand's users to look back on. DISTINCT ON: a statement may update
    // a row once only, so of two reports for one connector in a batch the newer one is upserted.
    private const string RecordStatusesSql = """
        WITH reports AS (
            SELECT * FROM unnest(@stations::text[], @evses::integer[], @connectors::integer[], @statuses::text[],
                                 @timestamps::timestamptz[], @stored::timestamptz[])
                AS r(station_id, evse_id, connector_id, status, status_timestamp, stored_at)
        ), current_rows AS (
            INSERT INTO station_connector_statuses (station_id, evse_id, connector_id, status, status_timestamp, stored_at)
            SELECT DISTINCT ON (station_id, evse_id, connector_id) station_id, evse_id, connector_id, status, status_timestamp, stored_at
            FROM reports
            ORDER BY station_id, evse_id, connector_id, status_timestamp DESC
            ON CONFLICT (station_id, evse_id, connector_id) DO UPDATE SET
                status = EXCLUDED.status, status_timestamp = EXCLUDED.status_timestamp, stored_at = EXCLUDED.stored_at
            WHERE station_connector_statuses.status_timestamp <= EXCLUDED.status_timestamp
        )
        INSERT INTO station_connector_status_history (station_id, evse_id, connector_id, status, status_timestamp, stored_at)
        SELECT station_id, evse_id, connector_id, status, status_timestamp, stored_at FROM reports
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<StatusReport> _batcher;

    public ConnectorStatusStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<ConnectorStatusStore> logger)
    {
        _sql = sql;
        _batcher = new WriteBatcher<StatusReport>("connector statuses", StoreBatchAsync, options.Value, logger);
    }

    /// <summary>Completes when the status is committed, in a batch with other stations' statuses.</summary>
    public Task RecordAsync(string stationId, StatusNotificationRequest status, DateTimeOffset now, CancellationToken cancellationToken) =>
        _batcher.WriteAsync(new StatusReport(stationId, status.EvseId, status.ConnectorId, status.ConnectorStatus.ToString(), status.Timestamp, now), cancellationToken);

    /// <summary>One batch in one statement. Not retried: a rerun after a commit would add the history rows twice.</summary>
    internal Task StoreBatchAsync(IReadOnlyList<StatusReport> reports, CancellationToken cancellationToken) =>
        _sql.ExecuteAsync("store connector statuses and their history", Subject(reports), SqlRetry.Once, RecordStatusesSql, parameters =>
        {
            parameters.AddWithValue("stations", reports.Select(r => r.StationId).ToArray());
            parameters.AddWithValue("evses", reports.Select(r => r.EvseId).ToArray());
            parameters.AddWithValue("connectors", reports.Select(r => r.ConnectorId).ToArray());
            parameters.AddWithValue("statuses", reports.Select(r => r.Status).ToArray());
            parameters.AddWithValue("timestamps", reports.Select(r => r.Timestamp.ToUniversalTime()).ToArray());
            parameters.AddWithValue("stored", reports.Select(r => r.StoredAt.ToUniversalTime()).ToArray());
        }, cancellationToken);

    private static string Subject(IReadOnlyList<StatusReport> reports) => reports.Count == 1
        ? $"{reports[0].StationId} evse {reports[0].EvseId} connector {reports[0].ConnectorId}"
        : $"{reports.Count} connector statuses"; // no count of stations: this runs for every batch, logged or not

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    internal sealed record StatusReport(string StationId, int EvseId, int ConnectorId, string Status, DateTimeOffset Timestamp, DateTimeOffset StoredAt);
}
