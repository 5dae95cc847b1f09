using Microsoft.Extensions.Configuration;

namespace DrivePower.AppHost;

/// <summary>How the AppHost turns its configuration into the stand's resources.</summary>
internal static class StandResources
{
    /// <summary>
    /// The CSMS database <paramref name="name"/>. When <c>ConnectionStrings:{name}</c> is configured
    /// (user secrets, the variable <c>ConnectionStrings__csmsdb</c>, ...) the stand uses that existing
    /// server and starts no container; otherwise a PostgreSQL container with a data volume and pgweb.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddCsmsDatabase(
        this IDistributedApplicationBuilder builder, string name)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            return builder.AddConnectionString(name);

        var postgres = builder.AddPostgres(StandTopology.Postgres);
        if (IsOn(builder.Configuration, StandTopology.Settings.DataVolume))
            postgres.WithDataVolume();
        if (IsOn(builder.Configuration, StandTopology.Settings.PgWeb))
            postgres.WithPgWeb();

        return postgres.AddDatabase(name);
    }

    /// <summary>The emulator's settings from the <c>Stand</c> section, each with its default.</summary>
    public static IResourceBuilder<ProjectResource> WithEmulatorSettings(
        this IResourceBuilder<ProjectResource> emulator, IConfiguration configuration)
    {
        foreach (var setting in StandTopology.EmulatorSettings)
            emulator.WithEnvironment(setting.Variable, configuration[setting.Key] ?? setting.Default);
        return emulator;
    }

    /// <summary>A switch that is on unless configured otherwise.</summary>
    private static bool IsOn(IConfiguration configuration, string key) =>
        !bool.TryParse(configuration[key], out var on) || on;
}
