using DrivePower.Database;
using Microsoft.Extensions.Options;

namespace DrivePower.Migrations;

/// <summary>Runs one command against the CSMS database, records the exit code and stops the host.</summary>
internal sealed partial class MigrationWorker(
    MigrationCommandLine commandLine,
    IConfiguration configuration,
    IOptions<MigrationWorkerOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<MigrationWorker> logger,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            commandLine.ExitCode = ExitCodes.UsageError;
            var command = MigrationCommand.Parse(commandLine.Args);
            var connectionString = CsmsDatabase.ResolveConnectionString(configuration);

            commandLine.ExitCode = ExitCodes.Failed;
            await DatabaseReadiness.WaitAsync(
                connectionString,
                TimeSpan.FromSeconds(options.Value.WaitForDatabaseSeconds),
                TimeSpan.FromMilliseconds(options.Value.RetryIntervalMilliseconds),
                logger,
                stoppingToken);
            Execute(command, new SchemaMigrator(connectionString, loggerFactory));
            commandLine.ExitCode = ExitCodes.Success;
        }
        catch (DatabaseSetupException e)
        {
            commandLine.ExitCode = ExitCodes.UsageError;
            Log.CommandFailed(logger, e.Message);
            await Console.Error.WriteLineAsync($"DrivePower.Migrations: error: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CommandFailed(logger, e.Message);
            await Console.Error.WriteLineAsync($"DrivePower.Migrations: error: {e.Message}");
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private void Execute(MigrationCommand command, SchemaMigrator migrator)
    {
        switch (command.Kind)
        {
            case MigrationCommandKind.Up:
                migrator.Up();
                Log.Migrated(logger, migrator.List().Count(m => m.Applied));
                break;
            case MigrationCommandKind.Down:
                migrator.Down(command.Steps);
                Log.RolledBack(logger, command.Steps);
                break;
            case MigrationCommandKind.List:
                foreach (var migration in migrator.List())
                {
                    Console.Out.WriteLine($"{migration.Version}  {(migration.Applied ? "applied" : "pending"),-7}  {migration.Name}");
                }

                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, EventName = "Migrated", Level = LogLevel.Information,
            Message = "Schema is up to date: {Applied} migration(s) applied")]
        public static partial void Migrated(ILogger logger, int applied);

        [LoggerMessage(EventId = 11, EventName = "RolledBack", Level = LogLevel.Information,
            Message = "Rolled back {Steps} migration(s)")]
        public static partial void RolledBack(ILogger logger, int steps);

        [LoggerMessage(EventId = 12, EventName = "CommandFailed", Level = LogLevel.Error,
            Message = "Migration command failed: {Error}")]
        public static partial void CommandFailed(ILogger logger, string error);
    }
}
