using Aspire.Hosting.ApplicationModel;
using DrivePower.AppHost;

namespace DrivePower.Tests.Deployment;

/// <summary>
/// docker-compose.yml describes the stand the AppHost builds: the same services, images, volumes, start
/// order and environment variables, compared with the AppHost's real application model (container PostgreSQL).
/// </summary>
public sealed class ComposeMatchesAppHostTests : IAsyncLifetime
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Repository.Read("docker-compose.yml"));

    /// <summary>Set by the model, read by no DrivePower service, so compose leaves them out.</summary>
    private static readonly string[] AspireOnlyPrefixes =
    [
        "OTEL_DOTNET_EXPERIMENTAL_", // exporter tuning for the dashboard
        "CSMSDB_",                    // Aspire 13's per-reference properties, for apps that read no connection string
        "CSMS_HTTP",
    ];

    /// <summary>Set by compose only, each for a reason the AppHost does not have.</summary>
    private static readonly string[] ComposeOnly =
    [
        StandTopology.Env.OtlpEndpoint, // Aspire sets it at run time, towards its dashboard
        StandTopology.Env.CsmsUrl,      // the emulator's own setting, kept in emulator.env for people who edit it
        StandTopology.Env.ControlHost,  // in a container the control API listens on every address; the AppHost's emulator is a local process
    ];

    private AppHostModel _model = null!;

    public async Task InitializeAsync() => _model = await AppHostModel.LoadAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Compose_runs_exactly_the_services_of_the_AppHost()
    {
        Assert.Equal(
            _model.Services.Select(s => s.Name).Order(StringComparer.Ordinal),
            Compose.Services.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_waits_for_what_the_AppHost_waits_for_with_the_same_conditions()
    {
        foreach (var service in _model.Services)
        {
            var expected = AppHostModel.WaitsOf(service)
                .Select(wait => $"{wait.Service} ({ComposeCondition(wait.How)})")
                .Distinct()
                .Order(StringComparer.Ordinal);
            var actual = Compose.Services[service.Name].DependsOn
                .Select(d => $"{d.Key} ({d.Value.Condition})")
                .Order(StringComparer.Ordinal);

            Assert.Equal($"{service.Name}: {string.Join(", ", expected)}", $"{service.Name}: {string.Join(", ", actual)}");
        }
    }

    [Fact]
    public void Compose_containers_use_the_AppHost_images_and_volumes()
    {
        foreach (var container in _model.Services.OfType<ContainerResource>())
        {
            var image = container.Annotations.OfType<ContainerImageAnnotation>().Single();
            var composeService = Compose.Services[container.Name];
            Assert.Equal($"{container.Name}: {image.Registry}/{image.Image}:{image.Tag}", $"{container.Name}: {composeService.Image}");

            var volumes = container.Annotations.OfType<ContainerMountAnnotation>()
                .Where(mount => mount.Type == ContainerMountType.Volume)
                .Select(mount => mount.Target);
            Assert.Equal(volumes.Order(StringComparer.Ordinal), composeService.Volumes.Select(v => v.Split(':')[1]).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Each_compose_service_sets_the_variables_the_AppHost_gives_it()
    {
        foreach (var project in _model.Services.OfType<ProjectResource>())
        {
            var fromModel = (await _model.EnvironmentOfAsync(project)).Keys
                .Where(name => !AspireOnlyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
            var fromCompose = ComposeEnvironment(project.Name).Keys.Except(ComposeOnly);

            Assert.Equal(
                $"{project.Name}: {string.Join(", ", fromModel.Order(StringComparer.Ordinal))}",
                $"{project.Name}: {string.Join(", ", fromCompose.Order(StringComparer.Ordinal))}");
        }
    }

    [Fact]
    public async Task Emulator_env_file_holds_the_values_the_AppHost_gives_the_emulator()
    {
        var fromModel = await _model.EnvironmentOfAsync(_model[StandTopology.Emulator]);
        var envFile = EnvFile.Parse(Repository.Read(Compose.Services[StandTopology.Emulator].EnvFile!));

        foreach (var setting in StandTopology.EmulatorSettings)
            Assert.Equal((setting.Variable, fromModel[setting.Variable]), (setting.Variable, envFile[setting.Variable]));
    }

    [Fact]
    public async Task Database_users_reach_the_postgres_service_and_the_csms_database()
    {
        var users = new List<string>();
        foreach (var project in _model.Services.OfType<ProjectResource>())
        {
            if (!(await _model.EnvironmentOfAsync(project)).ContainsKey(StandTopology.Env.DatabaseConnection))
                continue;
            users.Add(project.Name);
            var connectionString = ComposeEnvironment(project.Name)[StandTopology.Env.DatabaseConnection];
            Assert.Contains($"Host={StandTopology.Postgres};", connectionString, StringComparison.Ordinal);
            Assert.Contains($"Database={StandTopology.Database};", connectionString, StringComparison.Ordinal);
        }

        Assert.Equal([StandTopology.Csms, StandTopology.Migrations], users.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_checks_the_csms_health_on_the_AppHost_health_path()
    {
        var csms = _model[StandTopology.Csms];
        Assert.Contains(csms.Annotations.OfType<HealthCheckAnnotation>(), check => check.Key.Contains(StandTopology.HealthPath, StringComparison.Ordinal));

        var healthCheck = Compose.Services[StandTopology.Csms].Healthcheck;
        Assert.NotNull(healthCheck);
        Assert.Contains(healthCheck.Test, part => part.EndsWith(":8080" + StandTopology.HealthPath, StringComparison.Ordinal));
    }

    /// <summary>A service's environment and its env_file together, as compose hands them over.</summary>
    private static Dictionary<string, string> ComposeEnvironment(string service)
    {
        var composeService = Compose.Services[service];
        var variables = new Dictionary<string, string>(composeService.Environment);
        if (composeService.EnvFile is { } envFile)
        {
            foreach (var (name, value) in EnvFile.Parse(Repository.Read(envFile)))
                variables.TryAdd(name, value);
        }

        return variables;
    }

    private static string ComposeCondition(WaitType how) => how switch
    {
        WaitType.WaitUntilHealthy => "service_healthy",
        WaitType.WaitForCompletion => "service_completed_successfully",
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };
}
