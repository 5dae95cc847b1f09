using System.Diagnostics;
using DrivePower.Tests.Migrations;
using DrivePower.AppHost;
using DrivePower.AppHost.Postgres;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.AspireStand;

/// <summary>With no way to a PostgreSQL, the AppHost stops at once and says how to get one; it never hangs.</summary>
public sealed class StandWithoutPostgresTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_connection_string_container_runtime_or_binaries_the_AppHost_exits_2_naming_the_three_ways_out()
    {
        var started = Stopwatch.StartNew();
        var (exitCode, _, error) = await WorkerProcess.RunProjectAsync("DrivePower.AppHost", new Dictionary<string, string>
        {
            [ContainerRuntime.RuntimeSetting] = "drivepower-no-such-runtime",
            [StandTopology.Settings.LocalPostgresBin.Replace(":", "__", StringComparison.Ordinal)] = "/nonexistent/postgresql/bin",
        }, input: null);

        Assert.True(started.Elapsed < Within, $"took {started.Elapsed}");
        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        Assert.Contains($"ConnectionStrings__{StandTopology.Database}", error, StringComparison.Ordinal);
        Assert.Contains("'drivepower-no-such-runtime' is not installed", error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/postgresql/bin", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_connection_string_wins_over_every_other_source()
    {
        var choice = PostgresChoice.Make(Configuration(new()
        {
            [$"ConnectionStrings:{StandTopology.Database}"] = "Host=db.example;Database=csmsdb",
            [StandTopology.Settings.Postgres] = StandTopology.PostgresModes.Local,
        }));

        Assert.Equal(PostgresSource.ConnectionString, choice.Source);
    }

    [Fact]
    public void An_unknown_postgres_mode_is_refused_with_the_values_it_takes()
    {
        var problem = Assert.Throws<StandSetupException>(() =>
            PostgresChoice.Make(Configuration(new() { [StandTopology.Settings.Postgres] = "podman" })));

        Assert.Contains("auto", problem.Message, StringComparison.Ordinal);
        Assert.Contains("container", problem.Message, StringComparison.Ordinal);
        Assert.Contains("local", problem.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
