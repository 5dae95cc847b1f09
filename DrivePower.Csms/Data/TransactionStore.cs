using System.Text.Json;
using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// TransactionEvent, each event's effects together: the <c>transactions</c> row (created on the
/// first event of any type, locked for the rest), the raw event (a repeated seqNo is detected by
/// <c>uq_transaction_events_seq_no</c> and changes nothing), and its meter values.
/// Out-of-order events: only an event newer than <c>last_seq_no</c> overwrites the charging state and
/// stopped reason; Ended always ends the transaction and nothing reactivates it; the energy columns are
/// derived from the stored readings by seqNo (those after the Ended event's seqNo are ignored).
/// Events of many stations are written in batches (<see cref="WriteBatcher{T}"/>): one database
/// transaction per batch, each event's statements in turn, so an event is stored whole or not at all
/// and is answered only once its batch has committed.
/// </summary>
public sealed class TransactionStore : IAsyncDisposable
{
    private const string EnsureSql = """
        INSERT INTO transactions (station_id, transaction_id, last_event_at, last_seq_no, is_active, created_at, updated_at)
        VALUES (@station, @transaction, @timestamp, -1, true, @now, @now)
        ON CONFLICT (station_id, transaction_id) DO UPDATE SET updated_at = transactions.updated_at
        RETURNING id, last_seq_no, ended_at IS NOT NULL AS ended
        """;

    private const string InsertEventSql = """
        INSERT INTO transaction_events (transaction_pk, seq_no, event_type, trigger_reason, timestamp, payload, stored_at)
        VALUES (@pk, @seq, @type, @trigger, @timestamp, @payload, @now)
        ON CONFLICT (transaction_pk, seq_no) DO NOTHING
        RETURNING id
        """;

    private const string UpdateSql = """
        UPDATE transactions AS t SET
            evse_id = COALESCE(t.evse_id, @evse),
            connector_id = COALESCE(t.connector_id, @connector),
            id_token_type = CASE WHEN t.id_token IS NULL THEN @tokenType ELSE t.id_token_type END,
            id_token = COALESCE(t.id_token, @token),
            started_at = CASE WHEN @type = 'Started' THEN @timestamp ELSE t.started_at END,
            ended_at = CASE WHEN @type = 'Ended' AND @applies THEN @timestamp ELSE t.ended_at END,
            stopped_reason = CASE WHEN @applies THEN COALESCE(@stoppedReason, t.stopped_reason) ELSE t.stopped_reason END,
            charging_state = CASE WHEN @applies THEN COALESCE(@chargingState, t.charging_state) ELSE t.charging_state END,
            last_seq_no = GREATEST(t.last_seq_no, @seq),
            last_event_at = GREATEST(t.last_event_at, @timestamp),
            is_active = t.is_active AND @type <> 'Ended',
            updated_at = @now
        WHERE t.id = @pk
        RETURNING t.evse_id
        """;

    private const string InsertMeterValuesSql = """
        INSERT INTO meter_values (station_id, evse_id, transaction_pk, timestamp, measurand, phase, location, context, unit, value, seq_no, stored_at)
        SELECT @station, @evse, @pk, v.timestamp, v.measurand, v.phase, v.location, v.context, v.unit, v.value, @seq, @now
        FROM unnest(@timestamps, @measurands, @phases, @locations, @contexts, @units, @values)
            AS v(timestamp, measurand, phase, location, context, unit, value)
        """;

    // The energy readings and the cost in one statement, so pricing adds no round trip to the batch: the
    // station's override or else the default tariff; fee + kWh x price + minutes from start to the end
    // (or the latest event) x price, rounded to 2 decimals. Without a tariff the stored cost stays as it was.
    private const string UpdateEnergySql = """
        WITH energy AS (
            SELECT mv.id, mv.seq_no, mv.timestamp,
                   CASE WHEN lower(mv.unit) = 'kwh' THEN mv.value * 1000 ELSE mv.value END AS wh
            FROM meter_values mv
            WHERE mv.transaction_pk = @pk AND mv.measurand = 'Energy.Active.Import.Register' AND mv.phase IS NULL
              AND mv.seq_no <= COALESCE(
                  (SELECT min(e.seq_no) FROM transaction_events e WHERE e.transaction_pk = @pk AND e.event_type = 'Ended'),
                  2147483647)
        ),
        reading AS (
            SELECT (SELECT wh FROM energy ORDER BY seq_no, timestamp, id LIMIT 1) AS start_wh,
                   (SELECT wh FROM energy ORDER BY seq_no DESC, timestamp DESC, id DESC LIMIT 1) AS end_wh
        ),
        tariff AS (
            SELECT currency, price_per_kwh, price_per_minute, price_per_session FROM tariffs
            WHERE station_id = @station OR station_id IS NULL
            ORDER BY station_id NULLS LAST LIMIT 1
        ),
        priced AS (
            SELECT r.start_wh, r.end_wh, tf.currency,
                   round(tf.price_per_session
                       + COALESCE(r.end_wh - r.start_wh, 0) / 1000 * tf.price_per_kwh
                       + GREATEST(0, extract(epoch FROM COALESCE(t.ended_at, t.last_event_at) - COALESCE(t.started_at, t.created_at)) / 60)
                         * tf.price_per_minute, 2) AS cost
            FROM reading r CROSS JOIN transactions t LEFT JOIN tariff tf ON true
            WHERE t.id = @pk
        )
        UPDATE transactions AS t SET
            energy_start_wh = p.start_wh,
            energy_end_wh = p.end_wh,
            total_cost = COALESCE(p.cost, t.total_cost),
            currency = COALESCE(p.currency, t.currency)
        FROM priced p
        WHERE t.id = @pk
        RETURNING t.id, t.is_active, t.evse_id, t.id_token, t.charging_state, t.stopped_reason, t.energy_start_wh, t.energy_end_wh,
                  t.total_cost, t.currency
        """;

    private const string ReadSql = """
        SELECT id, is_active, evse_id, id_token, charging_state, stopped_reason, energy_start_wh, energy_end_wh, total_cost, currency
        FROM transactions WHERE id = @pk
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<EventWrite> _batcher;

    public TransactionStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<TransactionStore> logger)
    {
        _sql = sql;
        _batcher = new WriteBatcher<EventWrite>("transaction events", StoreBatchAsync, options.Value, logger);
    }

    /// <summary>Batches written so far (each one database transaction).</summary>
    public long Batches => _batcher.Batches;

    /// <summary>Completes when the event is committed, in a batch with other stations' events.</summary>
    public async Task<TransactionEventOutcome> RecordEventAsync(
        string stationId, TransactionEventRequest request, JsonElement payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var write = new EventWrite(stationId, request, payload, now);
        await _batcher.WriteAsync(write, cancellationToken);
        return write.Outcome ?? throw new InvalidOperationException("A committed transaction event has no outcome.");
    }

    /// <summary>
    /// One batch in one transaction. Safe to run again after a lost commit: the events are then found
    /// stored already (by seqNo) and change nothing.
    /// </summary>
    private Task StoreBatchAsync(IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
    {
        var subject = writes.Count == 1
            ? $"{writes[0].StationId} transaction {writes[0].Request.TransactionInfo.TransactionId} seqNo {writes[0].Request.SeqNo}"
            : $"{writes.Count} events";
        return _sql.RunAsync("store the transaction event", subject, SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var outcomes = new TransactionEventOutcome[writes.Count];
            for (var i = 0; i < writes.Count; i++)
                outcomes[i] = await StoreAsync(connection, writes[i], ct);
            await transaction.CommitAsync(ct);
            // Only a committed outcome is handed out: an attempt that failed leaves none behind.
            for (var i = 0; i < writes.Count; i++)
                writes[i].Outcome = outcomes[i];
            return outcomes.Length;
        }, cancellationToken);
    }

    private static async Task<TransactionEventOutcome> StoreAsync(NpgsqlConnection connection, EventWrite write, CancellationToken ct)
    {
        var (stationId, request, payload, now) = (write.StationId, write.Request, write.Payload, write.Now);
        var (pk, lastSeqNo, ended) = await EnsureAsync(connection, stationId, request.TransactionInfo.TransactionId, request, now, ct);
        if (!await InsertEventAsync(connection, pk, request, payload, now, ct))
            return await ReadAsync(connection, ReadSql, pk, stationId: null, ct);

        var applies = request.EventType == TransactionEventType.Ended
            ? !ended || request.SeqNo > lastSeqNo
            : !ended && request.SeqNo > lastSeqNo;
        var evseId = await UpdateAsync(connection, pk, request, applies, now, ct);
        await InsertMeterValuesAsync(connection, stationId, evseId, pk, request.SeqNo, payload, now, ct);
        return await ReadAsync(connection, UpdateEnergySql, pk, stationId, ct);
    }

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    private sealed record EventWrite(string StationId, TransactionEventRequest Request, JsonElement Payload, DateTimeOffset Now)
    {
        public TransactionEventOutcome? Outcome { get; set; }
    }

    private static async Task<(long Pk, int LastSeqNo, bool Ended)> EnsureAsync(
        NpgsqlConnection connection, string stationId, string transactionId, TransactionEventRequest request, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(EnsureSql, connection);
        command.Parameters.AddWithValue("station", stationId);
        command.Parameters.AddWithValue("transaction", transactionId);
        command.Parameters.AddWithValue("timestamp", request.Timestamp.ToUniversalTime());
        command.Parameters.AddWithValue("now", now);
        await command.PrepareAsync(ct); // prepared, as SqlRunner.ExecuteAsync says why
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt32(1), reader.GetBoolean(2));
    }

    private static async Task<bool> InsertEventAsync(
        NpgsqlConnection connection, long pk, TransactionEventRequest request, JsonElement payload, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertEventSql, connection);
        command.Parameters.AddWithValue("pk", pk);
        command.Parameters.AddWithValue("seq", request.SeqNo);
        command.Parameters.AddWithValue("type", request.EventType.ToString());
        command.Parameters.AddWithValue("trigger", request.TriggerReason.ToString());
        command.Parameters.AddWithValue("timestamp", request.Timestamp.ToUniversalTime());
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, payload.GetRawText());
        command.Parameters.AddWithValue("now", now);
        await command.PrepareAsync(ct);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<int?> UpdateAsync(
        NpgsqlConnection connection, long pk, TransactionEventRequest request, bool applies, DateTimeOffset now, CancellationToken ct)
    {
        var info = request.TransactionInfo;
        await using var command = new NpgsqlCommand(UpdateSql, connection);
        command.Parameters.AddWithValue("pk", pk);
        command.Parameters.AddWithValue("seq", request.SeqNo);
        command.Parameters.AddWithValue("type", request.EventType.ToString());
        command.Parameters.AddWithValue("timestamp", request.Timestamp.ToUniversalTime());
        command.Parameters.AddWithValue("applies", applies);
        command.Parameters.AddNullable("evse", NpgsqlDbType.Integer, request.Evse?.Id);
        command.Parameters.AddNullable("connector", NpgsqlDbType.Integer, request.Evse?.ConnectorId);
        command.Parameters.AddNullable("token", NpgsqlDbType.Varchar, request.IdToken?.Token);
        command.Parameters.AddNullable("tokenType", NpgsqlDbType.Varchar, request.IdToken?.Type.ToString());
        command.Parameters.AddNullable("stoppedReason", NpgsqlDbType.Varchar, info.StoppedReason?.ToString());
        command.Parameters.AddNullable("chargingState", NpgsqlDbType.Varchar, info.ChargingState?.ToString());
        command.Parameters.AddWithValue("now", now);
        await command.PrepareAsync(ct);
        return await command.ExecuteScalarAsync(ct) as int?;
    }

    private static async Task InsertMeterValuesAsync(
        NpgsqlConnection connection, string stationId, int? evseId, long pk, int seqNo, JsonElement payload, DateTimeOffset now, CancellationToken ct)
    {
        var rows = MeterValueRows.From(payload);
        if (rows.Count == 0)
            return;
        await using var command = new NpgsqlCommand(InsertMeterValuesSql, connection);
        command.Parameters.AddWithValue("station", stationId);
        command.Parameters.AddNullable("evse", NpgsqlDbType.Integer, evseId);
        command.Parameters.AddWithValue("pk", pk);
        command.Parameters.AddWithValue("seq", seqNo);
        command.Parameters.AddWithValue("now", now);
        rows.Bind(command.Parameters);
        await command.PrepareAsync(ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    // A duplicate only reads (no station id); a new event updates the energy and cost for its station's tariff.
    private static async Task<TransactionEventOutcome> ReadAsync(NpgsqlConnection connection, string statement, long pk, string? stationId, CancellationToken ct)
    {
        var duplicate = stationId is null;
        await using var command = new NpgsqlCommand(statement, connection);
        command.Parameters.AddWithValue("pk", pk);
        if (stationId is not null)
            command.Parameters.AddWithValue("station", stationId);
        await command.PrepareAsync(ct);
        var rows = await command.ReadAllAsync(row => new TransactionEventOutcome(
            row.Get<long>("id"), duplicate, row.Get<bool>("is_active"), row.Get<int?>("evse_id"), row.Get<string>("id_token"),
            row.Get<string>("charging_state"), row.Get<string>("stopped_reason"),
            row.Get<decimal?>("energy_start_wh"), row.Get<decimal?>("energy_end_wh"), row.Get<decimal?>("total_cost"), row.Get<string>("currency")), ct);
        return rows[0];
    }
}
