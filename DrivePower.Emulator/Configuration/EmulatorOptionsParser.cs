using DrivePower.Ocpp.Connections;

namespace DrivePower.Emulator.Configuration;

/// <summary>Turns <see cref="EmulatorSettings"/> into <see cref="EmulatorOptions"/>, naming every bad setting.</summary>
public static class EmulatorOptionsParser
{
    public static EmulatorOptions? Parse(EmulatorSettings settings, out IReadOnlyList<string> errors)
    {
        var read = new SettingReader();
        var csmsUrl = CsmsAddress.Resolve(settings, out var urlProblem);
        if (urlProblem is not null)
            read.Fail(urlProblem);
        if (settings.EnvFilePath is { Length: > 0 } envFile && !File.Exists(envFile))
            read.Fail($"{EnvFile.Variable} (--env-file) names no file: '{envFile}'");

        var options = new EmulatorOptions
        {
            CsmsUrl = csmsUrl ?? new Uri("ws://invalid"),
            CsmsPassword = Password(read, settings.CsmsPassword),
            StationId = settings.StationId?.Trim() is { Length: > 0 } id ? id : "CP001",
            StationCount = read.Integer("STATION_COUNT", settings.StationCount, 1, 1, 100_000),
            EvseCount = read.Integer("EVSE_COUNT", settings.EvseCount, 1, 1, 100),
            ConnectorsPerEvse = read.Integer("CONNECTORS_PER_EVSE", settings.ConnectorsPerEvse, 1, 1, 10),
            VendorName = read.Text("VENDOR_NAME", settings.VendorName, "DrivePower", 50),
            Model = read.Text("MODEL", settings.Model, "DP-Emulator", 20),
            SerialNumber = read.Optional("SERIAL_NUMBER", settings.SerialNumber, 25),
            FirmwareVersion = read.Text("FIRMWARE_VERSION", settings.FirmwareVersion, "1.0.0", 50),
            Scenario = read.Choice("SCENARIO", settings.Scenario, ScenarioKind.Idle),
            ScenarioCharge = read.Seconds("SCENARIO_CHARGE_SECONDS", settings.ScenarioChargeSeconds, TimeSpan.FromSeconds(60), 0.01, 86_400),
            ScenarioPause = read.Seconds("SCENARIO_PAUSE_SECONDS", settings.ScenarioPauseSeconds, TimeSpan.FromSeconds(30), 0, 86_400),
            ScenarioRandomness = read.Number("SCENARIO_RANDOMNESS", settings.ScenarioRandomness, 0.2, 0, 1),
            MeterInterval = read.Seconds("METER_INTERVAL_SECONDS", settings.MeterIntervalSeconds, TimeSpan.FromSeconds(10), 0.01, 86_400),
            ChargingPowerW = read.Integer("CHARGING_POWER_W", settings.ChargingPowerW, 11_000, 100, 400_000),
            IdToken = read.Text("ID_TOKEN", settings.IdToken, "DEMO-TOKEN-0001", 36),
            Quiet = read.Boolean("QUIET", settings.Quiet, false),
            ConnectRate = read.Number("CONNECT_RATE", settings.ConnectRate, 50, 0.1, 100_000),
            ReconnectMin = read.Seconds("RECONNECT_MIN_SECONDS", settings.ReconnectMinSeconds, TimeSpan.FromSeconds(1), 0.01, 3_600),
            ReconnectMax = read.Seconds("RECONNECT_MAX_SECONDS", settings.ReconnectMaxSeconds, TimeSpan.FromSeconds(60), 0.01, 3_600),
            CallTimeout = read.Seconds("CALL_TIMEOUT_SECONDS", settings.CallTimeoutSeconds, TimeSpan.FromSeconds(30), 0.1, 600),
            SummaryInterval = read.Seconds("SUMMARY_INTERVAL_SECONDS", settings.SummaryIntervalSeconds, TimeSpan.FromSeconds(10), 0.1, 3_600),
        };

        options = options with { CsmsTls = CsmsTls.Read(read, settings, options.StationId, options.StationCount) };
        CheckStationIds(read, options);
        if (options.ReconnectMax < options.ReconnectMin)
            read.Fail($"RECONNECT_MAX_SECONDS must not be below RECONNECT_MIN_SECONDS, got '{settings.ReconnectMaxSeconds}'");

        errors = read.Errors;
        return errors.Count == 0 ? options : null;
    }

    private static void CheckStationIds(SettingReader read, EmulatorOptions options)
    {
        var longest = options.StationCount == 1 ? options.StationId : options.StationNumberedId(options.StationCount);
        if (longest.Length > StationIdentity.MaxLength)
            read.Fail($"STATION_ID must give station ids of at most {StationIdentity.MaxLength} characters, got '{longest}' ({longest.Length})");
        else if (StationIdentity.Problem(longest) is not null)
            read.Fail($"STATION_ID must not contain ':' or control characters, got '{options.StationId}'");
    }

    private static string? Password(SettingReader read, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (StationPassword.HasValidLength(text))
            return text;
        read.Fail($"CSMS_PASSWORD must be {StationPassword.LengthRule} (OCPP security profile 1), got {text.Length}");
        return null;
    }
}
