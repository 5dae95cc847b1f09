using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>Row locks on <c>stations</c> that order concurrent writes about the same stations.</summary>
internal static class StationRowLocks
{
    /// <summary>
    /// The first statement of a batched <c>UPDATE stations ... FROM unnest(@ids ...)</c>. Such an update
    /// locks its rows in the order of its join plan; two batches over overlapping stations (heartbeats, the
    /// last-seen flush, firmware and log statuses) could then lock them in opposite orders and deadlock,
    /// which PostgreSQL detects only after <c>deadlock_timeout</c> (1 s). Taking the locks in id order first,
    /// in the same implicit transaction, makes the later batch wait instead.
    /// </summary>
    public const string InIdOrder = "SELECT FROM stations WHERE id = ANY(@ids) ORDER BY id FOR NO KEY UPDATE;\n";

    /// <summary>
    /// Runs <paramref name="insertSql"/>, an insert that takes the station's next requestId (its largest
    /// so far plus one, for <c>@station</c>) and returns it, after locking the station's row in the same
    /// transaction: a concurrent request for the station waits for the lock, and its insert then sees the
    /// first one's row (READ COMMITTED takes a snapshot per statement; in one statement with the insert
    /// the waiting request would keep its old snapshot and take the same requestId).
    /// </summary>
    public static async Task<int> InsertNextRequestIdAsync(
        NpgsqlConnection connection, string stationId, string insertSql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("SELECT FROM stations WHERE id = @station FOR NO KEY UPDATE", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("station", stationId);
            await lockRow.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(insertSql, connection, transaction);
        insert.Parameters.AddWithValue("station", stationId);
        bind(insert.Parameters);
        var requestId = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return requestId;
    }
}
