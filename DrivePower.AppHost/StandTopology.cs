namespace DrivePower.AppHost;

/// <summary>
/// The stand's names in one place: resources, settings and the environment variables the services read.
/// The AppHost is built from them; DrivePower.Tests/Deployment compares its model with docker-compose.yml.
/// </summary>
public static class StandTopology
{
    public const string Postgres = "postgres";
    public const string Database = "csmsdb";
    public const string Migrations = "migrations";
    public const string Csms = "csms";
    public const string Emulator = "emulator";

    /// <summary>With local PostgreSQL binaries: the step that initialises (or checks) the data directory.</summary>
    public const string PostgresInit = "postgres-init";

    /// <summary>pgweb, the browser for the container's database (Aspire's name for it).</summary>
    public const string PgWeb = "pgweb";

    public const string HealthPath = "/health";

    /// <summary>The operator API's key, a secret parameter generated once and kept in the AppHost's user secrets.</summary>
    public const string OperatorApiKey = "operator-api-key";

    /// <summary>Environment variable names, spelled as Aspire injects them.</summary>
    public static class Env
    {
        public const string DatabaseConnection = "ConnectionStrings__" + Database;
        public const string CsmsServiceUrl = "services__" + Csms + "__http__0";
        public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
        public const string OperatorApiKey = "Csms__OperatorApi__Keys__0";
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

        /// <summary>Where PostgreSQL's server binaries are (also read by the tests).</summary>
        public const string PostgresBin = "DRIVEPOWER_PG_BIN";
    }

    /// <summary>AppHost configuration keys (appsettings, user secrets, <c>Stand__X</c> variables, <c>--Stand:X=</c>).</summary>
    public static class Settings
    {
        public const string Section = "Stand";
        public const string DataVolume = Section + ":DataVolume";
        public const string PgWeb = Section + ":PgWeb";

        /// <summary>Which PostgreSQL: <see cref="PostgresModes"/>.</summary>
        public const string Postgres = Section + ":Postgres";
        public const string LocalPostgresBin = Section + ":LocalPostgres:BinDirectory";
        public const string LocalPostgresData = Section + ":LocalPostgres:DataDirectory";
    }

    /// <summary>The values of <see cref="Settings.Postgres"/>; a configured connection string wins over all.</summary>
    public static class PostgresModes
    {
        /// <summary>A container when a runtime answers, else local binaries, else stop with a message.</summary>
        public const string Auto = "auto";
        public const string Container = "container";
        public const string Local = "local";
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
}
