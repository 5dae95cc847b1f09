using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Frames;
using D = DrivePower.Emulator.Configuration.EmulatorDefaults;
using N = DrivePower.Emulator.Configuration.EmulatorDefaults.Names;

namespace DrivePower.Emulator.Configuration;

/// <summary>Turns <see cref="EmulatorSettings"/> into <see cref="EmulatorOptions"/>, naming every bad setting.</summary>
public static class EmulatorOptionsParser
{
    private static readonly ScenarioKind DefaultScenario = Enum.Parse<ScenarioKind>(D.Scenario, ignoreCase: true);

    public static EmulatorOptions? Parse(EmulatorSettings settings, out IReadOnlyList<string> errors)
    {
        var read = new SettingReader();
        var csmsUrl = CsmsAddress.Resolve(settings, out var urlProblem);
        if (urlProblem is not null)
            read.Fail(urlProblem);
        if (settings.EnvFilePath is { Length: > 0 } envFile && !File.Exists(envFile))
            read.Fail($"{N.EnvFile} (--env-file) names no file: '{envFile}'");

        var options = new EmulatorOptions
        {
            CsmsUrl = csmsUrl ?? new Uri("ws://invalid"),
            CsmsPassword = Password(read, settings.CsmsPassword),
            StationId = settings.StationId?.Trim() is { Length: > 0 } id ? id : D.StationId,
            StationCount = read.Integer(N.StationCount, settings.StationCount, D.StationCount, 1, 100_000),
            EvseCount = read.Integer(N.EvseCount, settings.EvseCount, D.EvseCount, 1, 100),
            ConnectorsPerEvse = read.Integer(N.ConnectorsPerEvse, settings.ConnectorsPerEvse, D.ConnectorsPerEvse, 1, 10),
            VendorName = read.Text(N.VendorName, settings.VendorName, D.VendorName, 50),
            Model = read.Text(N.Model, settings.Model, D.Model, 20),
            SerialNumber = read.Optional(N.SerialNumber, settings.SerialNumber, 25),
            FirmwareVersion = read.Text(N.FirmwareVersion, settings.FirmwareVersion, D.FirmwareVersion, 50),
            Scenario = read.Choice(N.Scenario, settings.Scenario, DefaultScenario),
            ScenarioCharge = read.Seconds(N.ScenarioChargeSeconds, settings.ScenarioChargeSeconds, D.ScenarioChargeSeconds, 0.01, 86_400),
            ScenarioPause = read.Seconds(N.ScenarioPauseSeconds, settings.ScenarioPauseSeconds, D.ScenarioPauseSeconds, 0, 86_400),
            ScenarioRandomness = read.Number(N.ScenarioRandomness, settings.ScenarioRandomness, D.ScenarioRandomness, 0, 1),
            MeterInterval = read.Seconds(N.MeterIntervalSeconds, settings.MeterIntervalSeconds, D.MeterIntervalSeconds, 0.01, 86_400),
            ChargingPowerW = read.Integer(N.ChargingPowerW, settings.ChargingPowerW, D.ChargingPowerW, 100, 400_000),
            IdToken = read.Text(N.IdToken, settings.IdToken, D.IdToken, 36),
            Quiet = read.Boolean(N.Quiet, settings.Quiet, D.Quiet),
            ConnectRate = read.Number(N.ConnectRate, settings.ConnectRate, D.ConnectRate, 0.1, 100_000),
            ReconnectMin = read.Seconds(N.ReconnectMinSeconds, settings.ReconnectMinSeconds, D.ReconnectMinSeconds, 0.01, 3_600),
            ReconnectMax = read.Seconds(N.ReconnectMaxSeconds, settings.ReconnectMaxSeconds, D.ReconnectMaxSeconds, 0.01, 3_600),
            CallTimeout = read.Seconds(N.CallTimeoutSeconds, settings.CallTimeoutSeconds, D.CallTimeoutSeconds, 0.1, 600),
            SummaryInterval = read.Seconds(N.SummaryIntervalSeconds, settings.SummaryIntervalSeconds, D.SummaryIntervalSeconds, 0.1, 3_600),
            ControlPort = read.Integer(N.ControlPort, settings.ControlPort, D.ControlPort, 0, 65_535),
            ControlHost = read.Text(N.ControlHost, settings.ControlHost, D.ControlHost, 253),
            FirmwareStep = read.Seconds(N.FirmwareStepSeconds, settings.FirmwareStepSeconds, D.FirmwareStepSeconds, 0, 3_600),
        };

        options = options with { CsmsTls = CsmsTls.Read(read, settings, options.StationId, options.StationCount) };
        CheckStationIds(read, options);
        if (options.ReconnectMax < options.ReconnectMin)
            read.Fail($"{N.ReconnectMaxSeconds} must not be below {N.ReconnectMinSeconds}, got '{settings.ReconnectMaxSeconds}'");

        errors = read.Errors;
        return errors.Count == 0 ? options : null;
    }

    private static void CheckStationIds(SettingReader read, EmulatorOptions options)
    {
        var longest = options.StationCount == 1 ? options.StationId : options.StationNumberedId(options.StationCount);
        if (options.StationId.Length <= StationIdentity.MaxLength && StationIdentity.Problem(options.StationId) is not null)
            read.Fail($"{N.StationId} must not contain ':' or control characters, got {OcppText.Quote(options.StationId)}");
        else if (StationIdentity.Problem(longest) is not null)
            read.Fail($"{N.StationId} must give station ids of at most {StationIdentity.MaxLength} characters, got {OcppText.Quote(longest)} ({longest.Length})");
    }

    private static string? Password(SettingReader read, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (StationPassword.HasValidLength(text))
            return text;
        read.Fail($"{N.CsmsPassword} must be {StationPassword.LengthRule} (OCPP security profile 1), got {text.Length}");
        return null;
    }
}
