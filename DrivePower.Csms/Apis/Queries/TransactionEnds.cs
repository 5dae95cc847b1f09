using Dapper;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Npgsql;

namespace DrivePower.Csms.Apis.Queries;

/// <summary>
/// An operator ends a transaction on the CSMS side (a station that vanished, say): inactive, ended now,
/// with who and why recorded. Only an active transaction changes, so repeating it changes nothing.
/// A later event from the station never makes it active again (see <see cref="TransactionStore"/>).
/// </summary>
public sealed class TransactionEnds(SqlRunner sql)
{
    private const string EndSql = """
        UPDATE transactions SET
            is_active = false, ended_at = COALESCE(ended_at, @now), stopped_reason = @stoppedReason,
            csms_ended_by = @endedBy, csms_end_reason = @reason, csms_ended_at = @now, updated_at = @now
        WHERE id = @id AND is_active
        """;

    private const string ReadSql = $"SELECT {TransactionQueries.Columns} FROM transactions WHERE id = @id";

    /// <summary>The transaction after the end (unchanged when it had ended already); null when no transaction has the id.</summary>
    public Task<TransactionSummary?> EndAsync(long id, string endedBy, string reason, string stoppedReason, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.RunAsync("end the transaction on the CSMS side", id.ToString(System.Globalization.CultureInfo.InvariantCulture), SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using (var end = new NpgsqlCommand(EndSql, connection))
            {
                end.Parameters.AddWithValue("id", id);
                end.Parameters.AddWithValue("endedBy", endedBy);
                end.Parameters.AddWithValue("reason", reason);
                end.Parameters.AddWithValue("stoppedReason", stoppedReason);
                end.Parameters.AddWithValue("now", now);
                await end.ExecuteNonQueryAsync(ct);
            }

            var row = await connection.QueryFirstOrDefaultAsync<TransactionRow>(new CommandDefinition(ReadSql, new { id }, cancellationToken: ct));
            return row?.Summary;
        }, cancellationToken);
}
