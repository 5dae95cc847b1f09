namespace DrivePower.Csms.Data;

/// <summary>
/// The database is up and refused what it was asked, for what was in it: a value
/// (<see cref="StorageRejectedValueException"/>) or a conflict with what is stored
/// (<see cref="StorageConflictException"/>). Nothing of the operation is stored, and running it
/// again unchanged would be refused again.
/// </summary>
public abstract class StorageRefusedException(string message, string operation, string sqlState, Exception inner)
    : StorageException(message, operation, inner)
{
    public string SqlState { get; } = sqlState;
}
