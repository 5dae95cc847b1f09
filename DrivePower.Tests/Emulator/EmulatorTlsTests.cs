using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operations;
using DrivePower.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrivePower.Tests.Emulator;

/// <summary>The whole emulator (not just its socket) applies CSMS_CA_FILE and the client certificate towards a wss:// CSMS.</summary>
public sealed class EmulatorTlsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly ThrowawayCa _ca = ThrowawayCa.Create("DrivePower emulator TLS test CA");

    [Fact]
    public async Task The_emulator_trusting_the_ca_file_boots_over_wss_on_a_profile_2_csms()
    {
        await using var csms = await StartCsmsAsync(profile: 2, ("Csms:StationPasswords:EMU-TLS2", Password));

        await RunUntilAcceptedAsync("EMU-TLS2", new Dictionary<string, string?>
        {
            ["CSMS_URL"] = WssUrl(csms),
            ["STATION_ID"] = "EMU-TLS2",
            ["CSMS_PASSWORD"] = Password,
            ["CSMS_CA_FILE"] = _ca.WriteCaPem(),
        });
    }

    [Fact]
    public async Task The_emulator_with_its_client_certificate_boots_over_wss_on_a_profile_3_csms()
    {
        await using var csms = await StartCsmsAsync(profile: 3);
        var (certificate, key) = _ca.WriteClientPem("EMU-TLS3");

        await RunUntilAcceptedAsync("EMU-TLS3", new Dictionary<string, string?>
        {
            ["CSMS_URL"] = WssUrl(csms),
            ["STATION_ID"] = "EMU-TLS3",
            ["CSMS_CA_FILE"] = _ca.WriteCaPem(),
            ["CSMS_CLIENT_CERT"] = certificate,
            ["CSMS_CLIENT_KEY"] = key,
        });
    }

    public void Dispose() => _ca.Dispose();

    private async Task RunUntilAcceptedAsync(string stationId, Dictionary<string, string?> settings)
    {
        settings["RECONNECT_MIN_SECONDS"] = "0.1";
        settings["RECONNECT_MAX_SECONDS"] = "0.5";
        using var emulator = EmulatorHost.Build(settings);
        await emulator.StartAsync();

        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT registration_status FROM stations WHERE id = @id", ("id", stationId)) == "Accepted", TimeSpan.FromSeconds(20));
        await emulator.StopAsync();
    }

    /// <summary>The CSMS with only an HTTPS endpoint, its server certificate issued by the test CA.</summary>
    private Task<CsmsTestHost> StartCsmsAsync(int profile, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = _ca.WriteServerPfx("pfx-password"),
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password",
            ["Csms:SecurityProfile"] = profile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Csms:StationCaCertificatePath"] = _ca.WriteCaPem(),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return CsmsTestHost.StartAsync(database.ConnectionString, settings);
    }

    private static string WssUrl(CsmsTestHost csms) =>
        $"wss://127.0.0.1:{new Uri(csms.Get<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port}/ocpp";
}
