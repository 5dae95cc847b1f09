namespace DrivePower.Csms.Data;

/// <summary>
/// An operation on the database failed and nothing of it is stored: the database is away
/// (<see cref="StorageUnavailableException"/>) or refused what it was asked (<see cref="StorageRefusedException"/>).
/// Background work that simply tries again next round catches this; callers that answer differently
/// for the two catch them apart.
/// </summary>
public abstract class StorageException(string message, string operation, Exception inner) : Exception(message, inner)
{
    public string Operation { get; } = operation;
}
