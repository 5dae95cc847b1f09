using System.Diagnostics;
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
        var (exitCode, error) = await RunAppHostAsync(new()
        {
            [ContainerRuntime.RuntimeSetting] = "drivepower-no-such-runtime",
            [StandTopology.Settings.LocalPostgresBin.Replace(":", "__", StringComparison.Ordinal)] = "/nonexistent/postgresql/bin",
        });

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

    /// <summary>The AppHost's own build output as a process, with only the given settings about PostgreSQL.</summary>
    private static async Task<(int ExitCode, string Error)> RunAppHostAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(AppHostDll());
        start.Environment.Remove($"ConnectionStrings__{StandTopology.Database}");
        start.Environment.Remove(StandTopology.Env.PostgresBin);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost did not exit within {Within.TotalSeconds} s.");
        }

        return (process.ExitCode, await error);
    }

    /// <summary>The AppHost's own build output (bin/&lt;configuration&gt;/&lt;tfm&gt;), with its own runtime settings.</summary>
    private static string AppHostDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(repository.FullName, "DrivePower.AppHost", "bin", configuration.Name, testOutput.Name, "DrivePower.AppHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build DrivePower.AppHost first.", dll);
    }
}
