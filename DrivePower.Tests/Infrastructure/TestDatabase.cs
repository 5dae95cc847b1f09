using DrivePower.Migrations;

namespace DrivePower.Tests.Infrastructure;

/// <summary>Runs the real DrivePower.Migrations code against a test database.</summary>
public static class TestDatabase
{
    public static void MigrateUp(string connectionString) => new SchemaMigrator(connectionString).Up();

    public static SchemaMigrator Migrator(string connectionString) => new(connectionString);
}
