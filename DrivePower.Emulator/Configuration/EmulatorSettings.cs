
namespace DrivePower.Emulator.Configuration;

/// <summary>
/// The emulator's settings exactly as configuration holds them (text), under their environment
/// variable names. <see cref="EmulatorOptionsParser"/> turns them into <see cref="EmulatorOptions"/>
/// and names every bad one.
/// </summary>
public sealed class EmulatorSettings
{
    [ConfigurationKeyName("CSMS_URL")] public string? CsmsUrl { get; set; }
    [ConfigurationKeyName("CSMS_PASSWORD")] public string? CsmsPassword { get; set; }
    [ConfigurationKeyName("CSMS_CA_FILE")] public string? CsmsCaFile { get; set; }
    [ConfigurationKeyName("CSMS_CLIENT_CERT")] public string? CsmsClientCert { get; set; }
    [ConfigurationKeyName("CSMS_CLIENT_KEY")] public string? CsmsClientKey { get; set; }
    [ConfigurationKeyName("STATION_ID")] public string? StationId { get; set; }
    [ConfigurationKeyName("STATION_COUNT")] public string? StationCount { get; set; }
    [ConfigurationKeyName("EVSE_COUNT")] public string? EvseCount { get; set; }
    [ConfigurationKeyName("CONNECTORS_PER_EVSE")] public string? ConnectorsPerEvse { get; set; }
    [ConfigurationKeyName("VENDOR_NAME")] public string? VendorName { get; set; }
    [ConfigurationKeyName("MODEL")] public string? Model { get; set; }
    [ConfigurationKeyName("SERIAL_NUMBER")] public string? SerialNumber { get; set; }
    [ConfigurationKeyName("FIRMWARE_VERSION")] public string? FirmwareVersion { get; set; }
    [ConfigurationKeyName("SCENARIO")] public string? Scenario { get; set; }
    [ConfigurationKeyName("SCENARIO_CHARGE_SECONDS")] public string? ScenarioChargeSeconds { get; set; }
    [ConfigurationKeyName("SCENARIO_PAUSE_SECONDS")] public string? ScenarioPauseSeconds { get; set; }
    [ConfigurationKeyName("SCENARIO_RANDOMNESS")] public string? ScenarioRandomness { get; set; }
    [ConfigurationKeyName("METER_INTERVAL_SECONDS")] public string? MeterIntervalSeconds { get; set; }
    [ConfigurationKeyName("CHARGING_POWER_W")] public string? ChargingPowerW { get; set; }
    [ConfigurationKeyName("ID_TOKEN")] public string? IdToken { get; set; }
    [ConfigurationKeyName("QUIET")] public string? Quiet { get; set; }
    [ConfigurationKeyName("CONNECT_RATE")] public string? ConnectRate { get; set; }
    [ConfigurationKeyName("RECONNECT_MIN_SECONDS")] public string? ReconnectMinSeconds { get; set; }
    [ConfigurationKeyName("RECONNECT_MAX_SECONDS")] public string? ReconnectMaxSeconds { get; set; }
    [ConfigurationKeyName("CALL_TIMEOUT_SECONDS")] public string? CallTimeoutSeconds { get; set; }
    [ConfigurationKeyName("SUMMARY_INTERVAL_SECONDS")] public string? SummaryIntervalSeconds { get; set; }
    [ConfigurationKeyName(EnvFile.Variable)] public string? EnvFilePath { get; set; }

    /// <summary>Aspire service discovery: <c>services:csms:http:0</c> (env <c>services__csms__http__0</c>).</summary>
    [ConfigurationKeyName("services")] public DiscoveredServices? Services { get; set; }
}

public sealed class DiscoveredServices
{
    [ConfigurationKeyName("csms")] public ServiceEndpoints? Csms { get; set; }
}

public sealed class ServiceEndpoints
{
    [ConfigurationKeyName("http")] public List<string>? Http { get; set; }
    [ConfigurationKeyName("https")] public List<string>? Https { get; set; }
}
