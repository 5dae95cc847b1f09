using System.Reflection;
using DrivePower.Migrations;
using FluentMigrator;

namespace DrivePower.Tests.Migrations;

/// <summary>
/// The migrations the Migrations assembly declares, oldest first: what List and Down are checked
/// against, so the tests need no change when a migration is added.
/// </summary>
internal static class DeclaredMigrations
{
    public static List<MigrationAttribute> All() =>
    [
        .. typeof(SchemaMigrator).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<MigrationAttribute>())
            .OfType<MigrationAttribute>()
            .OrderBy(migration => migration.Version),
    ];

    /// <summary>The class name of a migration, as List reports it.</summary>
    public static string Name(MigrationAttribute migration) =>
        typeof(SchemaMigrator).Assembly.GetTypes().Single(type => type.GetCustomAttribute<MigrationAttribute>()?.Version == migration.Version).Name;
}
