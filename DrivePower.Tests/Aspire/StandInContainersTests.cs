using Aspire.Hosting.ApplicationModel;
using DrivePower.AppHost;
using DrivePower.AppHost.Postgres;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.AspireStand;

/// <summary>
/// The stand from DrivePower.AppHost with the PostgreSQL container (the choice when a container
/// runtime answers). Where none answers, the test reports itself skipped, saying why: never passed.
/// </summary>
public sealed class StandInContainersTests
{
    [SkippableFact]
    public async Task With_a_container_runtime_the_stand_runs_postgres_in_a_container()
    {
        var runtime = ContainerRuntime.Probe(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        Skip.IfNot(runtime.Healthy, $"No container runtime answers here ({runtime.Problem}): the container path is not tested.");

        await using var stand = await StandUnderTest.StartAsync(
            $"--{StandTopology.Settings.Postgres}={StandTopology.PostgresModes.Container}",
            $"--{StandTopology.Settings.DataVolume}=false",
            $"--{StandTopology.Settings.PgWeb}=false",
            StandUnderTest.Setting(StandTopology.Env.Scenario, "idle"));

        Assert.Equal((KnownResourceStates.Finished, 0), await stand.WaitForExitAsync(StandTopology.Migrations));
        await stand.WaitForHealthyAsync(StandTopology.Csms);
        await stand.WaitForConnectedStationAsync();
    }
}
