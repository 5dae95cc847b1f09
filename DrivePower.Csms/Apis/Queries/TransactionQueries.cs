using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Apis.Queries;

/// <summary>What the operator API reads about transactions.</summary>
public sealed class TransactionQueries(SqlRunner sql)
{
    /// <summary>The most transactions one list returns (newest first).</summary>
    public const int ListLimit = 500;

    internal const string Columns = """
        id, station_id, transaction_id, evse_id, connector_id, id_token, id_token_type, started_at, ended_at, last_event_at,
        stopped_reason, charging_state, energy_start_wh, energy_end_wh, last_seq_no, is_active, csms_ended_by, csms_end_reason, csms_ended_at,
        total_cost, currency
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM transactions
        WHERE (@station::text IS NULL OR station_id = @station) AND (@active::boolean IS NULL OR is_active = @active)
        ORDER BY COALESCE(started_at, last_event_at) DESC, id DESC LIMIT @limit
        """;

    private const string OneSql = $"SELECT {Columns} FROM transactions WHERE id = @id";

    // Stale: active, but its station is not connected, or nothing has come for it since the cutoff.
    private const string StaleSql = $"""
        SELECT {Columns} FROM transactions
        WHERE is_active AND (NOT (station_id = ANY(@connected)) OR last_event_at < @cutoff)
        ORDER BY last_event_at, id LIMIT @limit
        """;

    private const string MeterValuesSql = """
        SELECT id, evse_id, timestamp, measurand, phase, location, context, unit, value, seq_no FROM meter_values
        WHERE transaction_pk = @id ORDER BY timestamp, id
        """;

    private const string EventsSql = """
        SELECT id, seq_no, event_type, trigger_reason, timestamp, payload::text AS payload FROM transaction_events
        WHERE transaction_pk = @id ORDER BY seq_no
        """;

    public Task<List<TransactionSummary>> ListAsync(string? stationId, bool? active, CancellationToken cancellationToken) =>
        sql.RunAsync("list transactions", $"station {stationId ?? "any"}, active {active?.ToString() ?? "any"}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(ListSql, connection);
            command.Parameters.AddNullable("station", NpgsqlDbType.Text, stationId);
            command.Parameters.AddNullable("active", NpgsqlDbType.Boolean, active);
            command.Parameters.AddWithValue("limit", ListLimit);
            return await command.ReadAllAsync(MapSummary, ct);
        }, cancellationToken);

    /// <summary>Active transactions whose station is not connected or that have had no event since <paramref name="cutoff"/>, oldest first.</summary>
    public Task<List<TransactionSummary>> ListStaleAsync(IReadOnlyCollection<string> connectedStations, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        sql.RunAsync("list stale transactions", $"{connectedStations.Count} stations connected, quiet since {cutoff:O}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(StaleSql, connection);
            command.Parameters.AddWithValue("connected", connectedStations.ToArray());
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("limit", ListLimit);
            return await command.ReadAllAsync(MapSummary, ct);
        }, cancellationToken);

    public Task<TransactionDetails?> GetAsync(long id, CancellationToken cancellationToken) =>
        sql.RunAsync("read the transaction", id.ToString(System.Globalization.CultureInfo.InvariantCulture), SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var one = new NpgsqlCommand(OneSql, connection);
            one.Parameters.AddWithValue("id", id);
            if ((await one.ReadAllAsync(MapSummary, ct)).FirstOrDefault() is not { } transaction)
                return null;

            await using var meterValues = new NpgsqlCommand(MeterValuesSql, connection);
            meterValues.Parameters.AddWithValue("id", id);
            var values = await meterValues.ReadAllAsync(row => new MeterValueInfo(row.Get<long>("id"), row.Get<int?>("evse_id"),
                row.Get<DateTimeOffset>("timestamp"), row.Get<string>("measurand")!, row.Get<string>("phase"), row.Get<string>("location"),
                row.Get<string>("context"), row.Get<string>("unit"), row.Get<decimal>("value"), row.Get<int?>("seq_no")), ct);

            await using var events = new NpgsqlCommand(EventsSql, connection);
            events.Parameters.AddWithValue("id", id);
            var rows = await events.ReadAllAsync(row => new TransactionEventInfo(row.Get<long>("id"), row.Get<int>("seq_no"),
                row.Get<string>("event_type")!, row.Get<string>("trigger_reason")!, row.Get<DateTimeOffset>("timestamp"),
                StationQueries.ParseJson(row.Get<string>("payload")!)), ct);
            return new TransactionDetails(transaction, values, rows);
        }, cancellationToken);

    internal static TransactionSummary MapSummary(NpgsqlDataReader row)
    {
        var start = row.Get<decimal?>("energy_start_wh");
        var end = row.Get<decimal?>("energy_end_wh");
        return new TransactionSummary(row.Get<long>("id"), row.Get<string>("station_id")!, row.Get<string>("transaction_id")!,
            row.Get<int?>("evse_id"), row.Get<int?>("connector_id"), row.Get<string>("id_token"), row.Get<string>("id_token_type"),
            row.Get<DateTimeOffset?>("started_at"), row.Get<DateTimeOffset?>("ended_at"), row.Get<DateTimeOffset>("last_event_at"),
            row.Get<string>("stopped_reason"), row.Get<string>("charging_state"), start, end, end - start,
            row.Get<int>("last_seq_no"), row.Get<bool>("is_active"),
            row.Get<string>("csms_ended_by") is { } endedBy
                ? new TransactionCsmsEnd(endedBy, row.Get<string>("csms_end_reason") ?? "", row.Get<DateTimeOffset>("csms_ended_at"))
                : null,
            row.Get<decimal?>("total_cost"), row.Get<string>("currency"));
    }
}
