using System.Text.Json;
using DrivePower.Csms.Data.Batching;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// MeterValues: sampled values of an EVSE, tied to the transaction active on it, if any. Written in
/// batches (<see cref="WriteBatcher{T}"/>): one item is one message's values, so a message is stored
/// whole or not at all, and a value refused in one station's message fails only that message.
/// </summary>
public sealed class MeterValueStore : IAsyncDisposable
{
    // One row per sampledValue of every message in the batch; each row carries its station, EVSE and
    // arrival time. The active transaction is looked up once per (station, EVSE) of the batch.
    private const string InsertSql = """
        WITH v AS (
            SELECT * FROM unnest(@stations::text[], @evses::integer[], @stored::timestamptz[],
                                 @timestamps, @measurands, @phases, @locations, @contexts, @units, @values) WITH ORDINALITY
                AS v(station_id, evse_id, stored_at, timestamp, measurand, phase, location, context, unit, value, ord)
        ), active AS (
            SELECT DISTINCT ON (t.station_id, t.evse_id) t.station_id, t.evse_id, t.id
            FROM transactions AS t JOIN (SELECT DISTINCT station_id, evse_id FROM v) AS k USING (station_id, evse_id)
            WHERE t.is_active
            ORDER BY t.station_id, t.evse_id, t.id DESC
        )
        INSERT INTO meter_values (station_id, evse_id, transaction_pk, timestamp, measurand, phase, location, context, unit, value, seq_no, stored_at)
        SELECT v.station_id, v.evse_id, a.id, v.timestamp, v.measurand, v.phase, v.location, v.context, v.unit, v.value, NULL, v.stored_at
        FROM v LEFT JOIN active AS a ON a.station_id = v.station_id AND a.evse_id = v.evse_id
        ORDER BY v.ord
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<MeterValuesMessage> _batcher;

    public MeterValueStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<MeterValueStore> logger)
    {
        _sql = sql;
        _batcher = new WriteBatcher<MeterValuesMessage>("meter values", StoreBatchAsync, options.Value, logger);
    }

    /// <summary>
    /// Stores every sampled value of the payload's <c>meterValue[]</c>, committed in a batch with other
    /// stations' values before it completes; returns how many.
    /// </summary>
    public async Task<int> RecordAsync(string stationId, int evseId, JsonElement payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = MeterValueRows.From(payload);
        if (rows.Count == 0)
            return 0;
        await _batcher.WriteAsync(new MeterValuesMessage(stationId, evseId, rows, now), cancellationToken);
        return rows.Count;
    }

    /// <summary>One batch in one statement. Not retried: a rerun after a commit would store the values twice.</summary>
    internal Task StoreBatchAsync(IReadOnlyList<MeterValuesMessage> messages, CancellationToken cancellationToken) =>
        _sql.ExecuteAsync("store meter values", Subject(messages), SqlRetry.Once, InsertSql, parameters =>
        {
            parameters.AddWithValue("stations", NpgsqlDbType.Array | NpgsqlDbType.Text, PerRow(messages, m => m.StationId));
            parameters.AddWithValue("evses", NpgsqlDbType.Array | NpgsqlDbType.Integer, PerRow(messages, m => m.EvseId));
            parameters.AddWithValue("stored", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, PerRow(messages, m => m.StoredAt.ToUniversalTime()));
            MeterValueRows.Concat(messages.Select(m => m.Rows)).Bind(parameters);
        }, cancellationToken);

    /// <summary>A message's value (its station, say) once for each of its rows.</summary>
    private static TValue[] PerRow<TValue>(IReadOnlyList<MeterValuesMessage> messages, Func<MeterValuesMessage, TValue> value) =>
        [.. messages.SelectMany(m => Enumerable.Repeat(value(m), m.Rows.Count))];

    private static string Subject(IReadOnlyList<MeterValuesMessage> messages) => messages.Count == 1
        ? $"{messages[0].StationId} evse {messages[0].EvseId}"
        : $"{messages.Count} messages";

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    internal sealed record MeterValuesMessage(string StationId, int EvseId, MeterValueRows Rows, DateTimeOffset StoredAt);
}
