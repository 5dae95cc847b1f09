using System.Reflection;
using System.Text.RegularExpressions;
using DrivePower.AppHost;

namespace DrivePower.Tests.Deployment;

/// <summary>
/// DrivePower.AppHost/AppHost.cs read as text (it compiles only with the Aspire packages): which
/// resources it adds, under which StandTopology names, and what each one waits for and references.
/// </summary>
internal sealed partial class AppHostSource
{
    private AppHostSource(IReadOnlyList<AddedResource> resources) => Resources = resources;

    public IReadOnlyList<AddedResource> Resources { get; }

    public static AppHostSource Load()
    {
        var code = WithoutComments(Repository.Read("DrivePower.AppHost", "AppHost.cs"));
        var statements = code.Split(';').Select(s => s.Trim());

        var added = new List<(string? Variable, string Name, string Statement)>();
        foreach (var statement in statements)
        {
            var match = AddResource().Match(statement);
            if (match.Success)
                added.Add((match.Groups["var"].Success ? match.Groups["var"].Value : null, TopologyValue(match.Groups["member"].Value), statement));
        }

        var byVariable = added.Where(a => a.Variable is not null).ToDictionary(a => a.Variable!, a => a.Name);
        string ResourceOf(string variable) =>
            byVariable.TryGetValue(variable, out var name) ? name : $"<unknown variable {variable}>";

        return new AppHostSource(added.Select(a => new AddedResource(
            a.Name,
            Waits: [.. WaitCall().Matches(a.Statement).Select(m => (ResourceOf(m.Groups["dep"].Value), m.Groups["completion"].Success))],
            References: [.. ReferenceCall().Matches(a.Statement).Select(m => ResourceOf(m.Groups["dep"].Value))])).ToList());
    }

    /// <summary>C# source without its comments (a quote or a name in a comment means nothing).</summary>
    public static string WithoutComments(string code) => Comment().Replace(code, "");

    private static string TopologyValue(string member) =>
        typeof(StandTopology).GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? $"<StandTopology.{member} is not a name>";

    [GeneratedRegex(@"^(?:var\s+(?<var>\w+)\s*=\s*)?builder\s*\.\s*Add\w+(?:<[^>]*>)?\(\s*StandTopology\.(?<member>\w+)")]
    private static partial Regex AddResource();

    [GeneratedRegex(@"\.WaitFor(?<completion>Completion)?\(\s*(?<dep>\w+)\s*\)")]
    private static partial Regex WaitCall();

    [GeneratedRegex(@"\.WithReference\(\s*(?<dep>\w+)\s*\)")]
    private static partial Regex ReferenceCall();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}

internal sealed record AddedResource(string Name, IReadOnlyList<(string Resource, bool Completion)> Waits, IReadOnlyList<string> References);
