using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DrivePower.Tests.Deployment;

/// <summary>The parts of docker-compose.yml that must agree with the AppHost.</summary>
public sealed class ComposeFile
{
    public Dictionary<string, ComposeService> Services { get; set; } = [];

    public static ComposeFile Load(string yaml) =>
        new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<ComposeFile>(yaml);
}

public sealed class ComposeService
{
    public string? Image { get; set; }

    public Dictionary<string, string> Environment { get; set; } = [];

    public string? EnvFile { get; set; }

    public List<string> Volumes { get; set; } = [];

    public Dictionary<string, ComposeDependency> DependsOn { get; set; } = [];

    public ComposeHealthCheck? Healthcheck { get; set; }
}

public sealed class ComposeDependency
{
    public string? Condition { get; set; }
}

public sealed class ComposeHealthCheck
{
    public List<string> Test { get; set; } = [];
}

/// <summary>A docker env_file: KEY=VALUE lines; blank lines and # comments ignored.</summary>
internal static class EnvFile
{
    public static Dictionary<string, string> Parse(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair.Length > 1 ? pair[1].Trim() : "");
}
