using Dapper;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Apis.Queries;
using DrivePower.Csms.Data;

namespace DrivePower.Csms.WebConsole.Services;

/// <summary>The console's transaction list: the operator API's columns, with id token and time filters and paging.</summary>
public sealed class ConsoleTransactionQueries(SqlRunner sql)
{
    private const string PageSql = $"""
        SELECT {TransactionQueries.Columns}, count(*) OVER () AS total FROM transactions
        WHERE (@station::text IS NULL OR station_id = @station)
          AND (@active::boolean IS NULL OR is_active = @active)
          AND (@token::text IS NULL OR id_token ILIKE @token)
          AND (@from::timestamptz IS NULL OR COALESCE(started_at, last_event_at) >= @from)
          AND (@to::timestamptz IS NULL OR COALESCE(started_at, last_event_at) < @to)
        ORDER BY COALESCE(started_at, last_event_at) DESC, id DESC
        LIMIT @limit OFFSET @offset
        """;

    public Task<TransactionListPage> ListAsync(TransactionFilter filter, CancellationToken cancellationToken) =>
        sql.RunAsync("list a page of transactions", filter.ToString(), SqlRetry.Idempotent, async (connection, ct) =>
        {
            var parameters = new
            {
                station = Blank(filter.StationId),
                active = filter.Active,
                token = LikePattern.Contains(filter.IdToken),
                from = filter.From?.ToUniversalTime(),
                to = filter.To?.ToUniversalTime(),
                limit = filter.PageSize,
                offset = filter.Page * filter.PageSize,
            };
            // Dapper splits each row at the column total: the transaction before it, the count of all matches from it.
            var rows = (await connection.QueryAsync<TransactionRow, long, (TransactionSummary Row, long Total)>(
                new CommandDefinition(PageSql, parameters, cancellationToken: ct), (row, total) => (row.Summary, total), splitOn: "total")).AsList();
            return new TransactionListPage([.. rows.Select(row => row.Row)], rows.Count > 0 ? rows[0].Total : 0);
        }, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\0", "", StringComparison.Ordinal);
}

public sealed record TransactionFilter(
    string? StationId = null, bool? Active = null, string? IdToken = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int Page = 0, int PageSize = 50);

public sealed record TransactionListPage(IReadOnlyList<TransactionSummary> Rows, long Total);
