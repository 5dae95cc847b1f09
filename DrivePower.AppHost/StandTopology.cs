namespace DrivePower.AppHost;

/// <summary>
/// The stand's shape in one place: resource names, the environment variables each service reads and
/// the order services start in. The AppHost is built from it, docker-compose.yml mirrors it, and
/// DrivePower.Tests/Deployment (which compiles this file as a link) checks that both still agree.
/// Internal on purpose: the test project compiles its own copy, so the two never clash.
/// </summary>
internal static class StandTopology
{
    public const string Postgres = "postgres";
    public const string Database = "csmsdb";
    public const string Migrations = "migrations";
    public const string Csms = "csms";
    public const string Emulator = "emulator";

    /// <summary>The Docker Compose publishing environment that <c>aspire publish</c> writes.</summary>
    public const string ComposeEnvironment = "compose";

    public const string HealthPath = "/health";

    /// <summary>The services of docker-compose.yml, in start order.</summary>
    public static IReadOnlyList<string> ComposeServices { get; } = [Postgres, Migrations, Csms, Emulator];

    /// <summary>Environment variable names, spelled as Aspire injects them.</summary>
    public static class Env
    {
        public const string DatabaseConnection = "ConnectionStrings__" + Database;
        public const string CsmsServiceUrl = "services__" + Csms + "__http__0";
        public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
        public const string HttpPorts = "ASPNETCORE_HTTP_PORTS";
        public const string CsmsUrl = "CSMS_URL";
        public const string StationId = "STATION_ID";
        public const string StationCount = "STATION_COUNT";
        public const string EvseCount = "EVSE_COUNT";
        public const string ConnectorsPerEvse = "CONNECTORS_PER_EVSE";
        public const string VendorName = "VENDOR_NAME";
        public const string Model = "MODEL";
        public const string SerialNumber = "SERIAL_NUMBER";
        public const string FirmwareVersion = "FIRMWARE_VERSION";
        public const string Scenario = "SCENARIO";
        public const string ScenarioChargeSeconds = "SCENARIO_CHARGE_SECONDS";
        public const string ScenarioPauseSeconds = "SCENARIO_PAUSE_SECONDS";
        public const string Quiet = "QUIET";
    }

    /// <summary>AppHost configuration keys (appsettings, user secrets, <c>Stand__X</c> variables, <c>--Stand:X=</c>).</summary>
    public static class Settings
    {
        public const string Section = "Stand";
        public const string DataVolume = Section + ":DataVolume";
        public const string PgWeb = Section + ":PgWeb";
    }

    /// <summary>An emulator setting: the variable the emulator reads, the AppHost key that sets it, its default.</summary>
    public sealed record EmulatorSetting(string Variable, string Key, string Default);

    public static IReadOnlyList<EmulatorSetting> EmulatorSettings { get; } =
    [
        new(Env.StationId, Settings.Section + ":StationId", "CP001"),
        new(Env.StationCount, Settings.Section + ":StationCount", "1"),
        new(Env.EvseCount, Settings.Section + ":EvseCount", "2"),
        new(Env.ConnectorsPerEvse, Settings.Section + ":ConnectorsPerEvse", "1"),
        new(Env.VendorName, Settings.Section + ":VendorName", "DrivePower"),
        new(Env.Model, Settings.Section + ":Model", "DP-Emulator"),
        new(Env.SerialNumber, Settings.Section + ":SerialNumber", "DP-0001"),
        new(Env.FirmwareVersion, Settings.Section + ":FirmwareVersion", "1.0.0"),
        new(Env.Scenario, Settings.Section + ":Scenario", "charging"),
        new(Env.ScenarioChargeSeconds, Settings.Section + ":ScenarioChargeSeconds", "60"),
        new(Env.ScenarioPauseSeconds, Settings.Section + ":ScenarioPauseSeconds", "30"),
        new(Env.Quiet, Settings.Section + ":Quiet", "false"),
    ];

    /// <summary>The environment variables each application service reads (the emulator's settings included).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ServiceEnvironment { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [Migrations] = [Env.DatabaseConnection, Env.OtlpEndpoint],
            [Csms] = [Env.DatabaseConnection, Env.HttpPorts, Env.OtlpEndpoint],
            [Emulator] = [Env.CsmsUrl, Env.CsmsServiceUrl, Env.OtlpEndpoint, .. EmulatorSettings.Select(s => s.Variable)],
        };

    public enum StartCondition
    {
        /// <summary>Aspire <c>WaitFor</c>; compose <c>service_healthy</c>.</summary>
        Healthy,

        /// <summary>Aspire <c>WaitForCompletion</c> (exit code 0); compose <c>service_completed_successfully</c>.</summary>
        CompletedSuccessfully,
    }

    /// <summary><paramref name="Service"/> starts once <paramref name="WaitsFor"/> meets <paramref name="Condition"/>.</summary>
    public sealed record Dependency(string Service, string WaitsFor, StartCondition Condition);

    public static IReadOnlyList<Dependency> StartOrder { get; } =
    [
        new(Migrations, Database, StartCondition.Healthy),
        new(Csms, Migrations, StartCondition.CompletedSuccessfully),
        new(Emulator, Csms, StartCondition.Healthy),
    ];

    /// <summary>The compose service that hosts an AppHost resource: the database lives in its server.</summary>
    public static string ComposeServiceOf(string resource) => resource == Database ? Postgres : resource;
}
