using Dapper;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;

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

    public async Task<List<TransactionSummary>> ListAsync(string? stationId, bool? active, CancellationToken cancellationToken) =>
        (await sql.QueryAsync<TransactionRow>("list transactions", $"station {stationId ?? "any"}, active {active?.ToString() ?? "any"}", SqlRetry.Idempotent,
            ListSql, new { station = stationId, active, limit = ListLimit }, cancellationToken)).ConvertAll(row => row.Summary);

    /// <summary>Active transactions whose station is not connected or that have had no event since <paramref name="cutoff"/>, oldest first.</summary>
    public async Task<List<TransactionSummary>> ListStaleAsync(IReadOnlyCollection<string> connectedStations, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        (await sql.QueryAsync<TransactionRow>("list stale transactions", $"{connectedStations.Count} stations connected, quiet since {cutoff:O}", SqlRetry.Idempotent,
            StaleSql, new { connected = connectedStations.ToArray(), cutoff, limit = ListLimit }, cancellationToken)).ConvertAll(row => row.Summary);

    public Task<TransactionDetails?> GetAsync(long id, CancellationToken cancellationToken) =>
        sql.RunAsync("read the transaction", id.ToString(System.Globalization.CultureInfo.InvariantCulture), SqlRetry.Idempotent, async (connection, ct) =>
        {
            if (await connection.QueryFirstOrDefaultAsync<TransactionRow>(new CommandDefinition(OneSql, new { id }, cancellationToken: ct)) is not { } transaction)
                return null;
            var values = await connection.QueryListAsync<MeterValueInfo>(MeterValuesSql, new { id }, ct);
            var events = await connection.QueryListAsync<TransactionEventInfo>(EventsSql, new { id }, ct);
            return new TransactionDetails(transaction.Summary, values, events);
        }, cancellationToken);
}

/// <summary>A <c>transactions</c> row as <see cref="TransactionQueries.Columns"/> reads it.</summary>
internal sealed record TransactionRow(
    long Id, string StationId, string TransactionId, int? EvseId, int? ConnectorId, string? IdToken, string? IdTokenType,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset LastEventAt, string? StoppedReason, string? ChargingState,
    decimal? EnergyStartWh, decimal? EnergyEndWh, int LastSeqNo, bool IsActive, string? CsmsEndedBy, string? CsmsEndReason, DateTimeOffset? CsmsEndedAt,
    decimal? TotalCost, string? Currency)
{
    public TransactionSummary Summary => new(
        Id, StationId, TransactionId, EvseId, ConnectorId, IdToken, IdTokenType, StartedAt, EndedAt, LastEventAt, StoppedReason, ChargingState,
        EnergyStartWh, EnergyEndWh, EnergyEndWh - EnergyStartWh, LastSeqNo, IsActive,
        CsmsEndedBy is { } endedBy ? new TransactionCsmsEnd(endedBy, CsmsEndReason ?? "", CsmsEndedAt.GetValueOrDefault()) : null,
        TotalCost, Currency);
}
