using System.Reflection;
using System.Text.RegularExpressions;
using DrivePower.AppHost;
using DrivePower.Emulator.Configuration;
using DrivePower.Tests.Deployment;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.Emulator;

/// <summary>
/// The emulator's settings and defaults are written once, in EmulatorDefaults: the settings class, the
/// parser, the AppHost's stand, emulator.env and docs/emulator.md all agree with it.
/// </summary>
public partial class SettingsWrittenOnceTests
{
    /// <summary>Where the stand's emulator.env differs from both the emulator's default and the AppHost, and why.</summary>
    private static readonly Dictionary<string, string> ComposeOnly = new(StringComparer.Ordinal)
    {
        [EmulatorDefaults.Names.CsmsUrl] = "compose names the CSMS by its service name; the AppHost uses service discovery",
    };

    private static IEnumerable<string> Names => EmulatorDefaults.All.Select(setting => setting.Name);

    [Fact]
    public void Every_setting_the_emulator_binds_is_in_the_defaults_table_and_nothing_else()
    {
        var bound = typeof(EmulatorSettings).GetProperties()
            .Select(property => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name)
            .Where(name => name != "services");

        Assert.Equal(Names.Order(StringComparer.Ordinal), bound.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parsing_the_tables_defaults_gives_what_parsing_nothing_gives()
    {
        var written = Settings(EmulatorDefaults.All
            .Where(setting => setting.Default is not null)
            .Select(setting => (setting.Name, setting.Default!)));

        Assert.Equal(Parse(Settings([])), Parse(written));
    }

    [Fact]
    public void The_stand_uses_the_emulators_names_and_its_defaults_unless_it_says_otherwise()
    {
        var differing = StandTopology.EmulatorSettings
            .Where(setting => EmulatorDefaults.Of(setting.Variable) != setting.Default)
            .Select(setting => setting.Variable);

        Assert.All(StandTopology.EmulatorSettings, setting => Assert.Contains(setting.Variable, Names));
        Assert.Equal(["EVSE_COUNT", "SCENARIO", "SERIAL_NUMBER"], differing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Emulator_env_sets_only_emulator_settings_each_to_its_default_or_the_stands_value_and_parses()
    {
        var envFile = DrivePower.Emulator.Configuration.EnvFile.Parse(File.ReadLines(Repository.PathOf("emulator.env")));
        var stand = StandTopology.EmulatorSettings.ToDictionary(setting => setting.Variable, setting => setting.Default, StringComparer.Ordinal);

        foreach (var (name, value) in envFile)
        {
            Assert.Contains(name, Names);
            if (!ComposeOnly.ContainsKey(name))
                Assert.Equal((name, stand.GetValueOrDefault(name) ?? EmulatorDefaults.Of(name)), (name, value));
        }

        Assert.NotNull(Parse(Settings(envFile.Select(pair => (pair.Key, pair.Value!)))));
    }

    [Fact]
    public void The_docs_settings_table_has_every_setting_with_its_default_and_no_other()
    {
        var rows = SettingsTable(Repository.Read("docs", "emulator.md"));

        Assert.Equal(Names.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, written) in EmulatorDefaults.All)
        {
            if (written is null)
                Assert.False(rows[name].StartsWith('`'), $"{name} has no default, the table says {rows[name]}");
            else
                Assert.Equal((name, $"`{written}`"), (name, rows[name]));
        }
    }

    /// <summary>The rows of the "## Settings" table: each variable named in the first column, and the second column.</summary>
    private static Dictionary<string, string> SettingsTable(string markdown)
    {
        var section = markdown[(markdown.IndexOf("\n## Settings", StringComparison.Ordinal) + 1)..];
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in section.Split('\n').Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            if (cells.Length < 4 || !cells[1].TrimStart().StartsWith('`'))
                continue;
            foreach (Match variable in VariableName().Matches(cells[1]))
                rows.Add(variable.Groups[1].Value, cells[2].Trim());
        }

        return rows;
    }

    [GeneratedRegex("`([A-Z][A-Z0-9_]*)`")]
    private static partial Regex VariableName();

    private static EmulatorSettings Settings(IEnumerable<(string Name, string Value)> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Name, value.Value))
                .Append(new(EmulatorDefaults.Names.CsmsUrl, "ws://127.0.0.1:8080/ocpp")).DistinctBy(pair => pair.Key))
            .Build()
            .Get<EmulatorSettings>() ?? new EmulatorSettings();

    private static EmulatorOptions Parse(EmulatorSettings settings) =>
        EmulatorOptionsParser.Parse(settings, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
}
