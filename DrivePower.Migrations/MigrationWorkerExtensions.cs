using Npgsql;
using Microsoft.Extensions.Options;

namespace DrivePower.Migrations;

/// <summary>Process exit codes of the worker.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
}

/// <summary>The command-line words and the exit code the run ends with.</summary>
internal sealed class MigrationCommandLine(IReadOnlyList<string> args)
{
    public IReadOnlyList<string> Args { get; } = args;

    public int ExitCode { get; set; } = ExitCodes.Failed;
}

public static class MigrationWorkerExtensions
{
    public static IHostApplicationBuilder AddMigrationWorker(this IHostApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MigrationWorkerOptions>()
            .BindConfiguration(MigrationWorkerOptions.SectionName)
            .Validate(o => o.WaitForDatabaseSeconds is >= 0 and <= 3600, "Migrations:WaitForDatabaseSeconds must be between 0 and 3600.")
            .Validate(o => o.RetryIntervalMilliseconds is >= 50 and <= 60_000, "Migrations:RetryIntervalMilliseconds must be between 50 and 60000.")
            .ValidateOnStart();
        builder.Services.AddSingleton(new MigrationCommandLine(args));
        builder.Services.AddHostedService<MigrationWorker>();
        builder.AddExportedTracing(tracing => tracing.AddNpgsql());
        return builder;
    }

    /// <summary>Runs the host until the worker is done and returns the process exit code.</summary>
    public static async Task<int> RunMigrationWorkerAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var commandLine = host.Services.GetRequiredService<MigrationCommandLine>();
        try
        {
            await host.RunAsync();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"DrivePower.Migrations: error: {e.Message}");
            return ExitCodes.UsageError;
        }

        return commandLine.ExitCode;
    }
}
