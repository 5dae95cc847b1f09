namespace DrivePower.Migrations;

/// <summary>Settings of the migration worker, section <c>Migrations</c> (env <c>Migrations__…</c>).</summary>
public sealed class MigrationWorkerOptions
{
    public const string SectionName = "Migrations";

    /// <summary>How long to wait for the server to accept connections before giving up (default 60 s, 0-3600).</summary>
    public int WaitForDatabaseSeconds { get; set; } = 60;

    /// <summary>Pause between connection attempts while waiting (default 1000 ms, 50-60000).</summary>
    public int RetryIntervalMilliseconds { get; set; } = 1000;
}
