using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DrivePower.AppHost;

namespace DrivePower.Tests.Deployment;

/// <summary>
/// The AppHost's application model as DrivePower.AppHost builds it, read without starting anything:
/// its resources, what each waits for, and the environment each receives (as the publish mode spells
/// it, so that no endpoint has to be allocated).
/// </summary>
internal sealed class AppHostModel
{
    private readonly IServiceProvider _services;

    private AppHostModel(IReadOnlyList<IResource> resources, IServiceProvider services)
    {
        Resources = resources;
        _services = services;
    }

    public IReadOnlyList<IResource> Resources { get; }

    /// <summary>The model with the container PostgreSQL, the one docker-compose.yml mirrors.</summary>
    public static async Task<AppHostModel> LoadAsync(params string[] extraArgs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string[] args = [$"--{StandTopology.Settings.Postgres}={StandTopology.PostgresModes.Container}", .. extraArgs];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DrivePower_AppHost>(args, timeout.Token);
        // Built, never started: the services are what the environment callbacks need.
        var app = await builder.BuildAsync(timeout.Token);
        return new([.. builder.Resources], app.Services);
    }

    public IResource this[string name] => Resources.Single(r => r.Name == name);

    /// <summary>
    /// The resources that run as a process or container of their own: not a database (it lives in its
    /// server), not a parameter (compose reads those from the environment, e.g. CSMS_OPERATOR_API_KEY).
    /// </summary>
    public IEnumerable<IResource> Services => Resources.Where(r => r is not (IResourceWithParent or ParameterResource));

    /// <summary>What <paramref name="resource"/> waits for, by the service that hosts it, and how.</summary>
    public static IEnumerable<(string Service, WaitType How)> WaitsOf(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(wait => (ServiceOf(wait.Resource), wait.WaitType));

    public static string ServiceOf(IResource resource) => resource is IResourceWithParent child ? child.Parent.Name : resource.Name;

    public async Task<IReadOnlyDictionary<string, string>> EnvironmentOfAsync(IResource resource)
    {
        var context = new DistributedApplicationExecutionContext(
            new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish) { Services = _services });
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(context);
        if (configuration.Exception is { } exception)
            throw exception;
        return configuration.EnvironmentVariables.ToDictionary();
    }
}
