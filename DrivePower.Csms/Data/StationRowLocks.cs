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
    /// Locks one station's row until <paramref name="transaction"/> ends, so that a station's next
    /// requestId (its largest so far plus one) is taken by one request at a time: a concurrent request
    /// waits here, and its next statement sees the first one's row (READ COMMITTED takes a snapshot per
    /// statement). In one statement with the insert the waiting request would keep its old snapshot.
    /// </summary>
    public static async Task LockOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string stationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT FROM stations WHERE id = @station FOR NO KEY UPDATE", connection, transaction);
        command.Parameters.AddWithValue("station", stationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
