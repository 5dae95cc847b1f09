using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One stored station notice: a NotifyEvent eventData, a SecurityEventNotification, ...</summary>
public sealed record StationEventRow(string Kind, string? EventType, DateTimeOffset Timestamp, string PayloadJson);

/// <summary>Station notifications kept as they came (<c>station_events</c>, payload as jsonb).</summary>
public sealed class StationEventStore(SqlRunner sql)
{
    private const string InsertSql = """
        INSERT INTO station_events (station_id, kind, event_type, timestamp, payload, stored_at)
        SELECT @station, e.kind, e.event_type, e.timestamp, e.payload, @now
        FROM unnest(@kinds, @types, @timestamps, @payloads) AS e(kind, event_type, timestamp, payload)
        """;

    /// <summary>Stores the rows in one statement (all or none).</summary>
    public Task<int> RecordAsync(string stationId, IReadOnlyList<StationEventRow> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store station events", $"{stationId}: {rows.Count} {rows.FirstOrDefault()?.Kind}", SqlRetry.Once, InsertSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("now", now);
            parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(row => row.Kind).ToArray());
            parameters.AddWithValue("types", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(row => row.EventType).ToArray());
            parameters.AddWithValue("timestamps", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(row => row.Timestamp.ToUniversalTime()).ToArray());
            parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(row => row.PayloadJson).ToArray());
        }, cancellationToken);
}
