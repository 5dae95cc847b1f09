using Microsoft.Extensions.Configuration;

namespace DrivePower.AppHost.Postgres;

/// <summary>Where the stand's PostgreSQL comes from, and why that one was chosen.</summary>
public enum PostgresSource
{
    /// <summary>An existing server, from <c>ConnectionStrings:csmsdb</c>.</summary>
    ConnectionString,

    /// <summary>The PostgreSQL container, with its data volume and pgweb.</summary>
    Container,

    /// <summary>PostgreSQL's server binaries on this machine, run by the AppHost as executables.</summary>
    LocalBinaries,
}

public sealed record PostgresChoice(PostgresSource Source, string Reason, LocalPostgresInstall? Local = null)
{
    /// <summary>
    /// The first that works of: a configured connection string; a container runtime that answers; local
    /// server binaries. <c>Stand:Postgres</c> (<c>container</c> or <c>local</c>) skips the looking.
    /// None: a <see cref="StandSetupException"/> naming the three ways out.
    /// </summary>
    public static PostgresChoice Make(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(StandTopology.Database)))
            return new(PostgresSource.ConnectionString, $"ConnectionStrings:{StandTopology.Database} is configured");

        var mode = configuration[StandTopology.Settings.Postgres] ?? StandTopology.PostgresModes.Auto;
        if (mode == StandTopology.PostgresModes.Container)
            return new(PostgresSource.Container, $"{StandTopology.Settings.Postgres} is {mode}");

        var local = LocalPostgresInstall.Find(configuration);
        if (mode == StandTopology.PostgresModes.Local)
            return local is null
                ? throw new StandSetupException(NoLocalBinaries(configuration))
                : new(PostgresSource.LocalBinaries, $"{StandTopology.Settings.Postgres} is {mode}", local);

        if (mode != StandTopology.PostgresModes.Auto)
            throw new StandSetupException(
                $"{StandTopology.Settings.Postgres} is '{mode}'; use {StandTopology.PostgresModes.Auto} (the default), {StandTopology.PostgresModes.Container} or {StandTopology.PostgresModes.Local}.");

        var runtime = ContainerRuntime.Probe(configuration);
        if (runtime.Healthy)
            return new(PostgresSource.Container, $"the container runtime {runtime.Name} answers");
        if (local is not null)
            return new(PostgresSource.LocalBinaries, $"no container runtime ({runtime.Problem}); PostgreSQL binaries found", local);

        throw new StandSetupException(
            $"""
            The stand needs PostgreSQL and found none of its three sources:
              - no connection string: ConnectionStrings:{StandTopology.Database} is not set;
              - no container runtime: {runtime.Problem};
              - no PostgreSQL server binaries: {LocalPostgresInstall.SearchedPlaces(configuration)}.
            Do one of these, then start again:
              1. point the stand at a server: ConnectionStrings__{StandTopology.Database}="Host=...;Database={StandTopology.Database};Username=...;Password=...";
              2. start Docker (or Podman, with ASPIRE_CONTAINER_RUNTIME=podman);
              3. install PostgreSQL's server (Debian/Ubuntu: apt-get install postgresql), or name its bin folder with {StandTopology.Settings.LocalPostgresBin}.
            """);
    }

    private static string NoLocalBinaries(IConfiguration configuration) =>
        $"{StandTopology.Settings.Postgres} is {StandTopology.PostgresModes.Local}, but no PostgreSQL server binaries were found: {LocalPostgresInstall.SearchedPlaces(configuration)}. "
        + $"Install PostgreSQL's server (Debian/Ubuntu: apt-get install postgresql) or set {StandTopology.Settings.LocalPostgresBin}.";
}
