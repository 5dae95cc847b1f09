using DrivePower.Emulator.Configuration;

namespace DrivePower.Tests.Emulator;

/// <summary>Settings: defaults, the CSMS address, and a clear message for every bad value.</summary>
public class SettingsTests
{
    private static EmulatorSettings Valid() => new() { CsmsUrl = "ws://localhost:8080/ocpp" };

    private static IReadOnlyList<string> Errors(EmulatorSettings settings)
    {
        EmulatorOptionsParser.Parse(settings, out var errors);
        return errors;
    }

    [Fact]
    public void With_only_CSMS_URL_every_other_setting_has_its_default()
    {
        var options = EmulatorOptionsParser.Parse(Valid(), out var errors);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal(("CP001", 1, 1, 1, ScenarioKind.Idle), (options.StationId, options.StationCount, options.EvseCount, options.ConnectorsPerEvse, options.Scenario));
        Assert.Equal((TimeSpan.FromSeconds(10), 11000, "DEMO-TOKEN-0001", false, 50d), (options.MeterInterval, options.ChargingPowerW, options.IdToken, options.Quiet, options.ConnectRate));
        Assert.Equal(["CP001"], options.StationIds());
    }

    [Theory]
    [InlineData("EVSE_COUNT", "x", "EVSE_COUNT must be an integer from 1 to 100, got 'x'")]
    [InlineData("EVSE_COUNT", "0", "EVSE_COUNT must be an integer from 1 to 100, got '0'")]
    [InlineData("STATION_COUNT", "-3", "STATION_COUNT must be an integer from 1 to 100000, got '-3'")]
    [InlineData("CONNECTORS_PER_EVSE", "1.5", "CONNECTORS_PER_EVSE must be an integer from 1 to 10, got '1.5'")]
    [InlineData("SCENARIO", "racing", "SCENARIO must be one of idle | charging, got 'racing'")]
    [InlineData("SCENARIO_RANDOMNESS", "2", "SCENARIO_RANDOMNESS must be a number from 0 to 1, got '2'")]
    [InlineData("METER_INTERVAL_SECONDS", "often", "METER_INTERVAL_SECONDS must be a number from 0.01 to 86400, got 'often'")]
    [InlineData("QUIET", "maybe", "QUIET must be true or false, got 'maybe'")]
    [InlineData("MODEL", "A-model-name-far-too-long", "MODEL must be at most 20 characters (OCPP limit), got 'A-model-name-far-too-long' (25)")]
    [InlineData("CSMS_URL", "http://localhost/ocpp", "CSMS_URL must be an absolute ws:// or wss:// URL (e.g. ws://localhost:8080/ocpp), got 'http://localhost/ocpp'")]
    [InlineData("STATION_ID", "CP:1", "STATION_ID must not contain ':' or control characters, got 'CP:1'")]
    [InlineData("CSMS_PASSWORD", "short", "CSMS_PASSWORD must be 16 to 40 characters (OCPP security profile 1), got 5")]
    public void A_bad_setting_is_named_with_its_allowed_values_and_what_was_given(string setting, string value, string message)
    {
        var settings = Valid();
        var property = typeof(EmulatorSettings).GetProperties().Single(p =>
            p.GetCustomAttributes(typeof(Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute), false)
                .Cast<Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute>().Single().Name == setting);
        property.SetValue(settings, value);

        Assert.Equal([message], Errors(settings));
    }

    [Fact]
    public void Station_ids_are_numbered_after_STATION_ID_and_must_fit_the_OCPP_limit()
    {
        var options = EmulatorOptionsParser.Parse(new EmulatorSettings { CsmsUrl = "ws://h/ocpp", StationId = "SITE", StationCount = "3" }, out _);
        Assert.Equal(["SITE-0001", "SITE-0002", "SITE-0003"], options!.StationIds());

        var tooLong = new EmulatorSettings { CsmsUrl = "ws://h/ocpp", StationId = new string('S', 45), StationCount = "2" };
        Assert.Contains("STATION_ID must give station ids of at most 48 characters", Assert.Single(Errors(tooLong)));
    }

    [Fact]
    public void Without_CSMS_URL_the_address_comes_from_service_discovery_as_websocket_with_ocpp_appended()
    {
        var http = new EmulatorSettings { Services = new() { Csms = new() { Http = ["http://localhost:5123"] } } };
        var https = new EmulatorSettings { Services = new() { Csms = new() { Https = ["https://csms.internal:7443/"] } } };
        var both = new EmulatorSettings { CsmsUrl = "ws://explicit:1/ocpp", Services = http.Services };

        Assert.Equal("ws://localhost:5123/ocpp", CsmsAddress.Resolve(http, out _)!.ToString());
        Assert.Equal("wss://csms.internal:7443/ocpp", CsmsAddress.Resolve(https, out _)!.ToString());
        Assert.Equal("ws://explicit:1/ocpp", CsmsAddress.Resolve(both, out _)!.ToString());
        Assert.Null(CsmsAddress.Resolve(new EmulatorSettings(), out var problem));
        Assert.StartsWith("CSMS_URL is not set", problem);
    }

    [Fact]
    public void A_station_url_is_the_csms_url_plus_the_percent_encoded_identity()
    {
        Assert.Equal("ws://h:8080/ocpp/CP%20001%2Fb", CsmsAddress.ForStation(new Uri("ws://h:8080/ocpp/"), "CP 001/b").AbsoluteUri);
    }
}
