namespace DrivePower.Migrations;

/// <summary>
/// The database cannot be used as configured and waiting will not change that (it does not exist,
/// the credentials are refused): a setup problem, exit code 2, with what to do about it.
/// </summary>
public sealed class DatabaseSetupException(string message, Exception inner) : Exception(message, inner);
