using DrivePower.Emulator.Configuration;

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

    /// <summary>The emulator's control API endpoint (driver and hardware actions), on the emulator's default port.</summary>
    public const string ControlEndpoint = "control";

    /// <summary>The operator API's key, a secret parameter generated once and kept in the AppHost's user secrets.</summary>
    public const string OperatorApiKey = "operator-api-key";

    /// <summary>Environment variable names, spelled as Aspire injects them.</summary>
    public static class Env
    {
        public const string DatabaseConnection = "ConnectionStrings__" + Database;
        public const string CsmsServiceUrl = "services__" + Csms + "__http__0";
        public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
        public const string OperatorApiKey = "Csms__OperatorApi__Keys__0";
        public const string StationHttpBaseUrl = "Csms__StationHttpBaseUrl";
        public const string CsmsUrl = EmulatorDefaults.Names.CsmsUrl;
        public const string StationId = EmulatorDefaults.Names.StationId;
        public const string StationCount = EmulatorDefaults.Names.StationCount;
        public const string EvseCount = EmulatorDefaults.Names.EvseCount;
        public const string ConnectorsPerEvse = EmulatorDefaults.Names.ConnectorsPerEvse;
        public const string VendorName = EmulatorDefaults.Names.VendorName;
        public const string Model = EmulatorDefaults.Names.Model;
        public const string SerialNumber = EmulatorDefaults.Names.SerialNumber;
        public const string FirmwareVersion = EmulatorDefaults.Names.FirmwareVersion;
        public const string Scenario = EmulatorDefaults.Names.Scenario;
        public const string ScenarioChargeSeconds = EmulatorDefaults.Names.ScenarioChargeSeconds;
        public const string ScenarioPauseSeconds = EmulatorDefaults.Names.ScenarioPauseSeconds;
        public const string Quiet = EmulatorDefaults.Names.Quiet;
        public const string ControlPort = EmulatorDefaults.Names.ControlPort;
        public const string ControlHost = EmulatorDefaults.Names.ControlHost;

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

    /// <summary>An emulator setting: the variable the emulator reads, the AppHost key that sets it, the stand's value unless configured.</summary>
    public sealed record EmulatorSetting(string Variable, string Key, string Default);

    /// <summary>The emulator's defaults (<c>EmulatorDefaults</c>, compiled in from the emulator), but where the stand shows more.</summary>
    public static IReadOnlyList<EmulatorSetting> EmulatorSettings { get; } =
    [
        Stand(Env.StationId, "StationId"),
        Stand(Env.StationCount, "StationCount"),
        Stand(Env.EvseCount, "EvseCount", standValue: "2"),
        Stand(Env.ConnectorsPerEvse, "ConnectorsPerEvse"),
        Stand(Env.VendorName, "VendorName"),
        Stand(Env.Model, "Model"),
        Stand(Env.SerialNumber, "SerialNumber", standValue: "DP-0001"),
        Stand(Env.FirmwareVersion, "FirmwareVersion"),
        Stand(Env.Scenario, "Scenario", standValue: "charging"),
        Stand(Env.ScenarioChargeSeconds, "ScenarioChargeSeconds"),
        Stand(Env.ScenarioPauseSeconds, "ScenarioPauseSeconds"),
        Stand(Env.Quiet, "Quiet"),
    ];

    private static EmulatorSetting Stand(string variable, string key, string? standValue = null) =>
        new(variable, Settings.Section + ":" + key, standValue ?? EmulatorDefaults.Of(variable)
            ?? throw new InvalidOperationException($"{variable} has no default: the stand must give it a value"));
}
