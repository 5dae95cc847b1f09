using System.Text.RegularExpressions;
using DrivePower.AppHost;

namespace DrivePower.Tests.Deployment;

/// <summary>The AppHost (read as source, since it builds only with Aspire) takes its shape from StandTopology.</summary>
public class AppHostFollowsTopologyTests
{
    private static readonly AppHostSource AppHost = AppHostSource.Load();

    [Fact]
    public void AppHost_sources_spell_no_name_of_their_own()
    {
        var sources = Directory.EnumerateFiles(Repository.PathOf("DrivePower.AppHost"), "*.cs")
            .Where(path => Path.GetFileName(path) != "StandTopology.cs")
            .ToList();

        Assert.Contains(sources, path => Path.GetFileName(path) == "AppHost.cs");
        foreach (var path in sources)
        {
            var literals = Regex.Matches(AppHostSource.WithoutComments(File.ReadAllText(path)), "\"[^\"\\n]*\"?")
                .Select(m => m.Value);
            Assert.True(!literals.Any(), $"{Path.GetFileName(path)} has string literals {string.Join(", ", literals)}; names belong in StandTopology.");
        }
    }

    [Fact]
    public void AppHost_adds_every_stand_resource_under_its_topology_name()
    {
        string[] expected = [StandTopology.ComposeEnvironment, StandTopology.Database, StandTopology.Migrations, StandTopology.Csms, StandTopology.Emulator];

        Assert.Equal(expected.Order(StringComparer.Ordinal), AppHost.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppHost_waits_exactly_as_the_topology_start_order_says()
    {
        var expected = StandTopology.StartOrder
            .Select(d => $"{d.Service} waits for {d.WaitsFor} ({d.Condition})")
            .Order(StringComparer.Ordinal);
        var actual = AppHost.Resources
            .SelectMany(r => r.Waits.Select(w =>
                $"{r.Name} waits for {w.Resource} ({(w.Completion ? StandTopology.StartCondition.CompletedSuccessfully : StandTopology.StartCondition.Healthy)})"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void AppHost_references_inject_exactly_the_connection_variables_the_topology_lists()
    {
        string[] connectionVariables = [StandTopology.Env.DatabaseConnection, StandTopology.Env.CsmsServiceUrl];
        var expected = StandTopology.ServiceEnvironment
            .SelectMany(s => s.Value.Where(connectionVariables.Contains).Select(v => $"{s.Key}: {v}"))
            .Order(StringComparer.Ordinal);
        var actual = AppHost.Resources
            .SelectMany(r => r.References.Select(reference => $"{r.Name}: {InjectedVariable(reference)}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    /// <summary>What Aspire's WithReference injects: a connection string, or the http endpoint for service discovery.</summary>
    private static string InjectedVariable(string resource) =>
        resource == StandTopology.Database ? $"ConnectionStrings__{resource}" : $"services__{resource}__http__0";
}
