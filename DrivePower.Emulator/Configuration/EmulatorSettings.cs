using Names = DrivePower.Emulator.Configuration.EmulatorDefaults.Names;

namespace DrivePower.Emulator.Configuration;

/// <summary>
/// The emulator's settings exactly as configuration holds them (text), under their environment
/// variable names. <see cref="EmulatorOptionsParser"/> turns them into <see cref="EmulatorOptions"/>
/// and names every bad one.
/// </summary>
public sealed class EmulatorSettings
{
    [ConfigurationKeyName(Names.CsmsUrl)] public string? CsmsUrl { get; set; }
    [ConfigurationKeyName(Names.CsmsPassword)] public string? CsmsPassword { get; set; }
    [ConfigurationKeyName(Names.CsmsCaFile)] public string? CsmsCaFile { get; set; }
    [ConfigurationKeyName(Names.CsmsClientCert)] public string? CsmsClientCert { get; set; }
    [ConfigurationKeyName(Names.CsmsClientKey)] public string? CsmsClientKey { get; set; }
    [ConfigurationKeyName(Names.StationId)] public string? StationId { get; set; }
    [ConfigurationKeyName(Names.StationCount)] public string? StationCount { get; set; }
    [ConfigurationKeyName(Names.EvseCount)] public string? EvseCount { get; set; }
    [ConfigurationKeyName(Names.ConnectorsPerEvse)] public string? ConnectorsPerEvse { get; set; }
    [ConfigurationKeyName(Names.VendorName)] public string? VendorName { get; set; }
    [ConfigurationKeyName(Names.Model)] public string? Model { get; set; }
    [ConfigurationKeyName(Names.SerialNumber)] public string? SerialNumber { get; set; }
    [ConfigurationKeyName(Names.FirmwareVersion)] public string? FirmwareVersion { get; set; }
    [ConfigurationKeyName(Names.Scenario)] public string? Scenario { get; set; }
    [ConfigurationKeyName(Names.ScenarioChargeSeconds)] public string? ScenarioChargeSeconds { get; set; }
    [ConfigurationKeyName(Names.ScenarioPauseSeconds)] public string? ScenarioPauseSeconds { get; set; }
    [ConfigurationKeyName(Names.ScenarioRandomness)] public string? ScenarioRandomness { get; set; }
    [ConfigurationKeyName(Names.MeterIntervalSeconds)] public string? MeterIntervalSeconds { get; set; }
    [ConfigurationKeyName(Names.ChargingPowerW)] public string? ChargingPowerW { get; set; }
    [ConfigurationKeyName(Names.IdToken)] public string? IdToken { get; set; }
    [ConfigurationKeyName(Names.Quiet)] public string? Quiet { get; set; }
    [ConfigurationKeyName(Names.ConnectRate)] public string? ConnectRate { get; set; }
    [ConfigurationKeyName(Names.ControlPort)] public string? ControlPort { get; set; }
    [ConfigurationKeyName(Names.ControlHost)] public string? ControlHost { get; set; }
    [ConfigurationKeyName(Names.ReconnectMinSeconds)] public string? ReconnectMinSeconds { get; set; }
    [ConfigurationKeyName(Names.ReconnectMaxSeconds)] public string? ReconnectMaxSeconds { get; set; }
    [ConfigurationKeyName(Names.CallTimeoutSeconds)] public string? CallTimeoutSeconds { get; set; }
    [ConfigurationKeyName(Names.SummaryIntervalSeconds)] public string? SummaryIntervalSeconds { get; set; }
    [ConfigurationKeyName(Names.EnvFile)] public string? EnvFilePath { get; set; }
    [ConfigurationKeyName(Names.FirmwareStepSeconds)] public string? FirmwareStepSeconds { get; set; }

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
