namespace DrivePower.Csms.Data;

/// <summary>
/// Whether <see cref="SqlRunner"/> may run an operation again after a transient failure. Such a failure
/// can come after the server committed (the connection broke before the answer came back), so only an
/// operation that leaves the same rows and gives the same answer when run twice may be retried.
/// </summary>
public enum SqlRetry
{
    /// <summary>Reads, upserts, updates to a value, inserts deduplicated by a key (TransactionEvent seqNo): retried once.</summary>
    Idempotent,

    /// <summary>Plain inserts (a second run adds the rows again), insert-if-absent and deletes (a second run answers "exists"/"not found"): never retried.</summary>
    Once,
}
