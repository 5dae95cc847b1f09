using FluentMigrator.Runner;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrivePower.Migrations;

/// <summary>One migration of this assembly and whether the database has it.</summary>
public sealed record MigrationState(long Version, string Name, string? Description, bool Applied);

/// <summary>
/// Brings the CSMS schema up or down with FluentMigrator, in process. The worker, the tests and
/// the CSMS all call this; nothing else knows how the schema is built.
/// </summary>
public sealed class SchemaMigrator(string connectionString, ILoggerFactory? loggerFactory = null)
{
    /// <summary>Applies every pending migration.</summary>
    public void Up() => Run(runner => runner.MigrateUp());

    /// <summary>Applies the pending migrations up to and including <paramref name="version"/>.</summary>
    public void Up(long version) => Run(runner => runner.MigrateUp(version));

    /// <summary>Rolls back the last <paramref name="steps"/> applied migrations (at least one, at most all applied).</summary>
    public void Down(int steps)
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "down needs a number of migrations of at least 1.");
        }

        var applied = List().Count(migration => migration.Applied);
        if (steps > applied)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"down {steps}: only {applied} migration(s) are applied.");
        }

        Run(runner => runner.Rollback(steps));
    }

    /// <summary>Every migration in version order, applied or pending.</summary>
    public IReadOnlyList<MigrationState> List()
    {
        using var services = BuildServices();
        using var scope = services.CreateScope();
        var migrations = scope.ServiceProvider.GetRequiredService<IMigrationInformationLoader>().LoadMigrations();
        var versions = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
        versions.LoadVersionInfo();
        return [.. migrations.Values.Select(info => new MigrationState(
            info.Version,
            info.Migration.GetType().Name,
            info.Description,
            versions.VersionInfo.HasAppliedMigration(info.Version)))];
    }

    private void Run(Action<IMigrationRunner> action)
    {
        using var services = BuildServices();
        using var scope = services.CreateScope();
        action(scope.ServiceProvider.GetRequiredService<IMigrationRunner>());
    }

    private ServiceProvider BuildServices() => new ServiceCollection()
        .AddSingleton(loggerFactory ?? NullLoggerFactory.Instance)
        .AddFluentMigratorCore()
        .ConfigureRunner(runner => runner
            .AddPostgres11_0()
            .WithGlobalConnectionString(connectionString)
            .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations())
        .BuildServiceProvider(validateScopes: false);
}
