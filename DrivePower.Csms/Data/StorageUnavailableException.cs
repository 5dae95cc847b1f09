namespace DrivePower.Csms.Data;

/// <summary>The database could not do an operation; what it was asked to store is not stored.</summary>
public sealed class StorageUnavailableException(string operation, Exception inner)
    : StorageException($"The database could not {operation}: {inner.Message}", operation, inner);
