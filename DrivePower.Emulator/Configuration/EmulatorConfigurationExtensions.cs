using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Options;

namespace DrivePower.Emulator.Configuration;

public static class EmulatorConfigurationExtensions
{
    /// <summary>Command-line spellings of the settings besides <c>--SETTING=value</c>.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--env-file"] = EnvFile.Variable,
        ["--csms-url"] = EmulatorDefaults.Names.CsmsUrl,
        ["--station-id"] = EmulatorDefaults.Names.StationId,
        ["--station-count"] = EmulatorDefaults.Names.StationCount,
        ["--evse-count"] = EmulatorDefaults.Names.EvseCount,
        ["--scenario"] = EmulatorDefaults.Names.Scenario,
        ["--quiet"] = EmulatorDefaults.Names.Quiet,
    };

    /// <summary>
    /// Adds the env file (<c>--env-file</c> / <c>EMULATOR_ENV_FILE</c>) just below the environment variables,
    /// so the order is: command line &gt; environment &gt; env file &gt; defaults; and the kebab-case switches.
    /// </summary>
    public static IHostApplicationBuilder AddEmulatorConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        var configuration = (IConfigurationBuilder)builder.Configuration;
        configuration.AddCommandLine(args, new Dictionary<string, string>(SwitchMappings));
        if (builder.Configuration[EnvFile.Variable] is { Length: > 0 } path)
            InsertBelowEnvironment(configuration, new EnvFileConfigurationSource(Path.GetFullPath(path)));
        return builder;
    }

    /// <summary>The settings, their validation on start, and the parsed <see cref="EmulatorOptions"/>.</summary>
    public static IServiceCollection AddEmulatorOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmulatorSettings>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorSettings>, EmulatorSettingsValidator>();
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<EmulatorSettings>>().Value;
            return EmulatorOptionsParser.Parse(settings, out var errors)
                ?? throw new OptionsValidationException(nameof(EmulatorSettings), typeof(EmulatorSettings), errors);
        });
        return services;
    }

    private static void InsertBelowEnvironment(IConfigurationBuilder configuration, IConfigurationSource source)
    {
        var sources = configuration.Sources;
        var environment = sources
            .Select((candidate, index) => (candidate, index))
            .LastOrDefault(entry => entry.candidate is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.candidate is null)
            sources.Insert(0, source);
        else
            sources.Insert(environment.index, source);
    }
}
