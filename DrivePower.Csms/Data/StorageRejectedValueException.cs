namespace DrivePower.Csms.Data;

/// <summary>
/// The database refused a value as invalid (SQLSTATE class 22, "data exception": a NUL character, a
/// number out of range): the input is bad, the database is fine. Nothing of the operation is stored.
/// </summary>
public sealed class StorageRejectedValueException(string operation, string sqlState, Exception inner)
    : StorageRefusedException($"The database refused a value while it was to {operation} (SQLSTATE {sqlState}).", operation, sqlState, inner);
