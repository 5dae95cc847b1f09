namespace DrivePower.Csms.Data;

/// <summary>
/// The database refused a write that conflicts with what is stored (SQLSTATE class 23, "integrity
/// constraint violation": a row that refers to one that is gone, a second row where one is allowed): a
/// race with another change, or a bug; not an outage. Nothing of the operation is stored.
/// </summary>
public sealed class StorageConflictException(string operation, string sqlState, string? constraint, Exception inner)
    : StorageRefusedException(
        $"The database refused to {operation}: it conflicts with what is stored ({constraint ?? "a constraint"}, SQLSTATE {sqlState}).",
        operation, sqlState, inner)
{
    /// <summary>The constraint the write broke, when the server named it.</summary>
    public string? Constraint { get; } = constraint;
}
