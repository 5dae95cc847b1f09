using Aspire.Hosting.ApplicationModel;
using DrivePower.AppHost;
using DrivePower.AppHost.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DrivePower.Tests.AspireStand;

/// <summary>
/// The stand from DrivePower.AppHost with PostgreSQL run by the AppHost from this machine's server
/// binaries (the choice without a container runtime): initdb the first time, the server on a port of
/// the AppHost's, the database created, then the migrator, the CSMS and a connected station.
/// </summary>
public sealed class StandWithLocalPostgresTests : IDisposable
{
    // Directly under the temp folder: as root the server runs as postgres, which must be able to enter it.
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"drivepower-apphost-{Guid.NewGuid():N}");

    [SkippableFact]
    public async Task Without_a_connection_string_the_stand_runs_postgres_from_the_local_binaries_and_keeps_its_data()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        Skip.If(LocalPostgresInstall.Find(configuration) is null,
            $"No PostgreSQL server binaries on this machine ({LocalPostgresInstall.SearchedPlaces(configuration)}): the local-binaries path is not tested here.");

        string[] args =
        [
            $"--{StandTopology.Settings.Postgres}={StandTopology.PostgresModes.Local}",
            $"--{StandTopology.Settings.LocalPostgresData}={_dataRoot}",
            StandUnderTest.Setting(StandTopology.Env.Scenario, "idle"),
        ];
        await using (var stand = await StandUnderTest.StartAsync(args))
        {
            Assert.Equal((KnownResourceStates.Finished, 0), await stand.WaitForExitAsync(StandTopology.PostgresInit));
            Assert.Equal((KnownResourceStates.Finished, 0), await stand.WaitForExitAsync(StandTopology.Migrations));
            await stand.WaitForHealthyAsync(StandTopology.Csms);
            await stand.WaitForConnectedStationAsync();
        }

        // The data directory outlives the stand: a second start finds the station registered before.
        Assert.True(File.Exists(Path.Combine(_dataRoot, "data", "PG_VERSION")));
        await using (var again = await StandUnderTest.StartAsync(args))
        {
            Assert.Equal((KnownResourceStates.Finished, 0), await again.WaitForExitAsync(StandTopology.PostgresInit));
            await again.WaitForHealthyAsync(StandTopology.Database);
            Assert.Equal((KnownResourceStates.Finished, 0), await again.WaitForExitAsync(StandTopology.Migrations));
            await again.WaitForHealthyAsync(StandTopology.Csms);
            var stations = await again.PollAsync("/api/stations", list => list.GetArrayLength() > 0, StandUnderTest.StepTimeout);
            Assert.Contains(stations.EnumerateArray(), s => s.GetProperty("id").GetString() == StandUnderTest.StationId);
        }
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_dataRoot))
            Directory.Delete(_dataRoot, recursive: true);
    }
}
