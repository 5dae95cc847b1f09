namespace DrivePower.Csms.Data;

/// <summary>
/// The first statement of a batched <c>UPDATE stations ... FROM unnest(@ids ...)</c>. Such an update
/// locks its rows in the order of its join plan; two batches over overlapping stations (heartbeats, the
/// last-seen flush, firmware and log statuses) could then lock them in opposite orders and deadlock,
/// which PostgreSQL detects only after <c>deadlock_timeout</c> (1 s). Taking the locks in id order first,
/// in the same implicit transaction, makes the later batch wait instead.
/// </summary>
internal static class StationRowLocks
{
    public const string InIdOrder = "SELECT FROM stations WHERE id = ANY(@ids) ORDER BY id FOR NO KEY UPDATE;\n";
}
