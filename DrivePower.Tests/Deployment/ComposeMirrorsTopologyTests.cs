using DrivePower.AppHost;

namespace DrivePower.Tests.Deployment;

/// <summary>docker-compose.yml and emulator.env describe the same stand as the AppHost's StandTopology.</summary>
public class ComposeMirrorsTopologyTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Repository.Read("docker-compose.yml"));

    [Fact]
    public void Compose_runs_exactly_the_stand_services()
    {
        Assert.Equal(
            StandTopology.ComposeServices.Order(StringComparer.Ordinal),
            Compose.Services.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_starts_services_in_the_AppHost_order_with_the_same_conditions()
    {
        var expected = StandTopology.StartOrder
            .Select(d => $"{d.Service} -> {StandTopology.ComposeServiceOf(d.WaitsFor)} ({ComposeCondition(d.Condition)})")
            .Order(StringComparer.Ordinal);
        var actual = Compose.Services
            .SelectMany(s => s.Value.DependsOn.Select(d => $"{s.Key} -> {d.Key} ({d.Value.Condition})"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Each_compose_service_sets_exactly_the_variables_the_topology_names()
    {
        foreach (var (service, names) in StandTopology.ServiceEnvironment)
        {
            var composeService = Compose.Services[service];
            IEnumerable<string> fromFile = composeService.EnvFile is null
                ? []
                : EnvFile.Parse(Repository.Read(composeService.EnvFile)).Keys;
            var actual = composeService.Environment.Keys.Concat(fromFile);

            Assert.Equal(names.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Emulator_env_file_holds_the_AppHost_defaults()
    {
        var envFile = EnvFile.Parse(Repository.Read(Compose.Services[StandTopology.Emulator].EnvFile!));

        foreach (var setting in StandTopology.EmulatorSettings)
            Assert.Equal((setting.Variable, setting.Default), (setting.Variable, envFile[setting.Variable]));
    }

    [Fact]
    public void Emulator_reaches_the_csms_service_in_both_ways_it_can_be_told()
    {
        var emulator = Compose.Services[StandTopology.Emulator];
        var envFile = EnvFile.Parse(Repository.Read(emulator.EnvFile!));

        Assert.Equal($"ws://{StandTopology.Csms}:8080/ocpp", envFile[StandTopology.Env.CsmsUrl]);
        Assert.Equal($"http://{StandTopology.Csms}:8080", emulator.Environment[StandTopology.Env.CsmsServiceUrl]);
    }

    [Fact]
    public void Services_that_use_the_database_point_at_the_postgres_service_and_csmsdb()
    {
        var users = StandTopology.ServiceEnvironment
            .Where(s => s.Value.Contains(StandTopology.Env.DatabaseConnection))
            .Select(s => s.Key)
            .ToList();

        Assert.NotEmpty(users);
        foreach (var service in users)
        {
            var connectionString = Compose.Services[service].Environment[StandTopology.Env.DatabaseConnection];
            Assert.Contains($"Host={StandTopology.Postgres};", connectionString, StringComparison.Ordinal);
            Assert.Contains($"Database={StandTopology.Database};", connectionString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Csms_health_check_probes_the_AppHost_health_path()
    {
        var healthCheck = Compose.Services[StandTopology.Csms].Healthcheck;

        Assert.NotNull(healthCheck);
        Assert.Contains(healthCheck.Test, part => part.EndsWith(":8080" + StandTopology.HealthPath, StringComparison.Ordinal));
    }

    private static string ComposeCondition(StandTopology.StartCondition condition) => condition switch
    {
        StandTopology.StartCondition.Healthy => "service_healthy",
        StandTopology.StartCondition.CompletedSuccessfully => "service_completed_successfully",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };
}
