using DrivePower.Csms.Data.Batching;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One stored station notice: a NotifyEvent eventData, a SecurityEventNotification, ...</summary>
public sealed record StationEventRow(string Kind, string? EventType, DateTimeOffset Timestamp, string PayloadJson);

/// <summary>
/// Station notifications kept as they came (<c>station_events</c>, payload as jsonb). Written in
/// batches (<see cref="WriteBatcher{T}"/>): one item is one message's rows, so a message is stored
/// whole or not at all, and a value refused in one station's message fails only that message.
/// </summary>
public sealed class StationEventStore : IAsyncDisposable
{
    // The payloads go as a jsonb[] (Npgsql sends the strings as jsonb); ORDER BY keeps each message's rows in order.
    private const string InsertSql = """
        INSERT INTO station_events (station_id, kind, event_type, timestamp, payload, stored_at)
        SELECT e.station_id, e.kind, e.event_type, e.timestamp, e.payload, e.stored_at
        FROM unnest(@stations, @kinds, @types, @timestamps, @payloads, @stored) WITH ORDINALITY
            AS e(station_id, kind, event_type, timestamp, payload, stored_at, ord)
        ORDER BY e.ord
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<StationEvents> _batcher;

    public StationEventStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<StationEventStore> logger)
    {
        _sql = sql;
        _batcher = new WriteBatcher<StationEvents>("station events", StoreBatchAsync, options.Value, logger);
    }

    /// <summary>Stores one message's rows (all or none), committed in a batch with other stations' before it completes; returns how many.</summary>
    public async Task<int> RecordAsync(string stationId, IReadOnlyList<StationEventRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return 0;
        await _batcher.WriteAsync(new StationEvents(stationId, rows, now), cancellationToken);
        return rows.Count;
    }

    /// <summary>One batch in one statement. Not retried: a rerun after a commit would store the events twice.</summary>
    internal Task StoreBatchAsync(IReadOnlyList<StationEvents> messages, CancellationToken cancellationToken)
    {
        var rows = messages.SelectMany(m => m.Rows.Select(row => (m.StationId, m.StoredAt, Row: row))).ToList();
        return _sql.ExecuteAsync("store station events", Subject(messages), SqlRetry.Once, InsertSql, parameters =>
        {
            parameters.AddWithValue("stations", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.StationId).ToArray());
            parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Row.Kind).ToArray());
            parameters.AddWithValue("types", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Row.EventType).ToArray());
            parameters.AddWithValue("timestamps", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => r.Row.Timestamp.ToUniversalTime()).ToArray());
            parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(r => r.Row.PayloadJson).ToArray());
            parameters.AddWithValue("stored", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => r.StoredAt.ToUniversalTime()).ToArray());
        }, cancellationToken);
    }

    private static string Subject(IReadOnlyList<StationEvents> messages) => messages.Count == 1
        ? $"{messages[0].StationId}: {messages[0].Rows.Count} {messages[0].Rows[0].Kind}"
        : $"{messages.Count} messages";

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    internal sealed record StationEvents(string StationId, IReadOnlyList<StationEventRow> Rows, DateTimeOffset StoredAt);
}
