using System.Globalization;

namespace DrivePower.Emulator.Configuration;

/// <summary>
/// The emulator's settings written once: each one's environment variable and its default. The parser,
/// <c>EmulatorSettings</c> and the switches read them here; DrivePower.AppHost compiles this very
/// file in (it runs the emulator as a process and does not reference its assembly), and the tests hold
/// <c>emulator.env</c> and docs/emulator.md to it. So it depends on nothing but the BCL.
/// </summary>
internal static class EmulatorDefaults
{
    /// <summary>The environment variables (also configuration keys and <c>--NAME=value</c> options).</summary>
    public static class Names
    {
        public const string CsmsUrl = "CSMS_URL";
        public const string CsmsPassword = "CSMS_PASSWORD";
        public const string CsmsCaFile = "CSMS_CA_FILE";
        public const string CsmsClientCert = "CSMS_CLIENT_CERT";
        public const string CsmsClientKey = "CSMS_CLIENT_KEY";
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
        public const string ScenarioRandomness = "SCENARIO_RANDOMNESS";
        public const string MeterIntervalSeconds = "METER_INTERVAL_SECONDS";
        public const string ChargingPowerW = "CHARGING_POWER_W";
        public const string IdToken = "ID_TOKEN";
        public const string Quiet = "QUIET";
        public const string SummaryIntervalSeconds = "SUMMARY_INTERVAL_SECONDS";
        public const string ConnectRate = "CONNECT_RATE";
        public const string ReconnectMinSeconds = "RECONNECT_MIN_SECONDS";
        public const string ReconnectMaxSeconds = "RECONNECT_MAX_SECONDS";
        public const string CallTimeoutSeconds = "CALL_TIMEOUT_SECONDS";
        public const string EnvFile = "EMULATOR_ENV_FILE";
        public const string ControlPort = "CONTROL_PORT";
        public const string ControlHost = "CONTROL_HOST";
        public const string FirmwareStepSeconds = "FIRMWARE_STEP_SECONDS";
    }

    public const string StationId = "CP001";
    public const int StationCount = 1;
    public const int EvseCount = 1;
    public const int ConnectorsPerEvse = 1;
    public const string VendorName = "DrivePower";
    public const string Model = "DP-Emulator";
    public const string FirmwareVersion = "1.0.0";

    /// <summary>A scenario's name, as <c>SCENARIO</c> spells it (idle | charging).</summary>
    public const string Scenario = "idle";

    public const double ScenarioChargeSeconds = 60;
    public const double ScenarioPauseSeconds = 30;
    public const double ScenarioRandomness = 0.2;
    public const double MeterIntervalSeconds = 10;
    public const int ChargingPowerW = 11_000;
    public const string IdToken = "DEMO-TOKEN-0001";
    public const bool Quiet = false;
    public const double SummaryIntervalSeconds = 10;
    public const double ConnectRate = 50;
    public const double ReconnectMinSeconds = 1;
    public const double ReconnectMaxSeconds = 60;
    public const double CallTimeoutSeconds = 30;

    /// <summary>The control API's port (0: any free one) and the address it listens on.</summary>
    public const int ControlPort = 8090;
    public const string ControlHost = "127.0.0.1";

    /// <summary>How long each step of a firmware update takes (download, verify, install, reboot), in seconds.</summary>
    public const double FirmwareStepSeconds = 2;

    /// <summary>Every setting and its default as the environment spells it; null where there is none.</summary>
    public static IReadOnlyList<(string Name, string? Default)> All { get; } =
    [
        (Names.CsmsUrl, null),
        (Names.CsmsPassword, null),
        (Names.CsmsCaFile, null),
        (Names.CsmsClientCert, null),
        (Names.CsmsClientKey, null),
        (Names.StationId, StationId),
        (Names.StationCount, Text(StationCount)),
        (Names.EvseCount, Text(EvseCount)),
        (Names.ConnectorsPerEvse, Text(ConnectorsPerEvse)),
        (Names.VendorName, VendorName),
        (Names.Model, Model),
        (Names.SerialNumber, null),
        (Names.FirmwareVersion, FirmwareVersion),
        (Names.Scenario, Scenario),
        (Names.ScenarioChargeSeconds, Text(ScenarioChargeSeconds)),
        (Names.ScenarioPauseSeconds, Text(ScenarioPauseSeconds)),
        (Names.ScenarioRandomness, Text(ScenarioRandomness)),
        (Names.MeterIntervalSeconds, Text(MeterIntervalSeconds)),
        (Names.ChargingPowerW, Text(ChargingPowerW)),
        (Names.IdToken, IdToken),
        (Names.Quiet, Quiet ? "true" : "false"),
        (Names.SummaryIntervalSeconds, Text(SummaryIntervalSeconds)),
        (Names.ConnectRate, Text(ConnectRate)),
        (Names.ReconnectMinSeconds, Text(ReconnectMinSeconds)),
        (Names.ReconnectMaxSeconds, Text(ReconnectMaxSeconds)),
        (Names.CallTimeoutSeconds, Text(CallTimeoutSeconds)),
        (Names.EnvFile, null),
        (Names.ControlPort, Text(ControlPort)),
        (Names.ControlHost, ControlHost),
        (Names.FirmwareStepSeconds, Text(FirmwareStepSeconds)),
    ];

    /// <summary>The default of <paramref name="name"/> as text; null when it has none.</summary>
    public static string? Of(string name) =>
        All.Single(setting => string.Equals(setting.Name, name, StringComparison.Ordinal)).Default;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
