using DrivePower.AppHost.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrivePower.AppHost;

/// <summary>How the AppHost turns its configuration into the stand's resources.</summary>
internal static partial class StandResources
{
    /// <summary>
    /// The CSMS database, from the source <paramref name="choice"/> names: an existing server, the
    /// PostgreSQL container (data volume, pgweb) or the local binaries. The choice and its reason go to
    /// the AppHost's console and to the database's log in the dashboard.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddCsmsDatabase(
        this IDistributedApplicationBuilder builder, PostgresChoice choice)
    {
        IResourceBuilder<IResourceWithConnectionString> database = choice.Source switch
        {
            PostgresSource.ConnectionString => builder.AddConnectionString(StandTopology.Database),
            PostgresSource.Container => builder.AddPostgresContainer(),
            PostgresSource.LocalBinaries when !OperatingSystem.IsWindows() => builder.AddLocalPostgres(choice.Local!, StandTopology.Postgres, StandTopology.Database),
            _ => throw new ArgumentOutOfRangeException(nameof(choice)),
        };

        var description = Describe(choice);
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            Log.PostgresChosen(@event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StandResources)), description);
            Log.PostgresChosen(@event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database.Resource), description);
            return Task.CompletedTask;
        });
        return database;
    }

    public static string Describe(PostgresChoice choice) => choice.Source switch
    {
        PostgresSource.ConnectionString => $"PostgreSQL: the existing server of ConnectionStrings:{StandTopology.Database} ({choice.Reason}).",
        PostgresSource.Container => $"PostgreSQL: the {StandTopology.Postgres} container with a data volume ({choice.Reason}).",
        _ => $"PostgreSQL: the local server binaries in {choice.Local!.BinDirectory}, data in {choice.Local.DataDirectory} ({choice.Reason}).",
    };

    private static IResourceBuilder<PostgresDatabaseResource> AddPostgresContainer(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(StandTopology.Postgres);
        if (IsOn(builder.Configuration, StandTopology.Settings.DataVolume))
            postgres.WithDataVolume();
        if (IsOn(builder.Configuration, StandTopology.Settings.PgWeb))
            postgres.WithPgWeb();
        return postgres.AddDatabase(StandTopology.Database);
    }

    /// <summary>The emulator's settings from the <c>Stand</c> section, each with its default.</summary>
    public static IResourceBuilder<ProjectResource> WithEmulatorSettings(
        this IResourceBuilder<ProjectResource> emulator, IConfiguration configuration)
    {
        foreach (var setting in StandTopology.EmulatorSettings)
            emulator.WithEnvironment(setting.Variable, configuration[setting.Key] ?? setting.Default);
        return emulator;
    }

    /// <summary>A switch that is on unless configured otherwise.</summary>
    private static bool IsOn(IConfiguration configuration, string key) =>
        !bool.TryParse(configuration[key], out var on) || on;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{PostgresChoice}", EventName = "PostgresChosen")]
        public static partial void PostgresChosen(ILogger logger, string postgresChoice);
    }
}
