using System.Globalization;
using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>The emulator's TLS settings (CSMS_CA_FILE, CSMS_CLIENT_CERT, CSMS_CLIENT_KEY) against a profile-3 CSMS.</summary>
public sealed class EmulatorTlsSettingsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private readonly ThrowawayCa _ca = ThrowawayCa.Create("DrivePower emulator test CA");

    [Fact]
    public async Task With_the_ca_file_and_its_client_certificate_a_station_boots_on_a_profile_3_csms()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = _ca.WriteServerPfx("pfx-password"),
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password",
            ["Csms:SecurityProfile"] = "3",
            ["Csms:StationCaCertificatePath"] = _ca.WriteCaPem(),
        });
        var port = new Uri(csms.Get<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        var (certificate, key) = _ca.WriteClientPem("CP-EMU3");
        var options = Parse(new EmulatorSettings
        {
            CsmsUrl = string.Create(CultureInfo.InvariantCulture, $"wss://localhost:{port}/ocpp"),
            StationId = "CP-EMU3",
            CsmsCaFile = _ca.WriteCaPem(),
            CsmsClientCert = certificate,
            CsmsClientKey = key,
        });

        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { SslOptions = options.CsmsTls!.ClientOptions() });
        var socket = await StationSocket.ConnectAsync(new Uri(options.CsmsUrl, "ocpp/CP-EMU3"), "CP-EMU3", null, invoker, CancellationToken.None);
        await using var station = new TestStation(socket, "CP-EMU3");

        Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);
    }

    [Fact]
    public void Bad_tls_settings_are_each_named()
    {
        var (certificate, _) = _ca.WriteClientPem("CP-SOMEONE");

        var mismatch = Errors(new EmulatorSettings { CsmsUrl = "wss://h/ocpp", StationId = "CP-EMU3", CsmsClientCert = certificate, CsmsClientKey = certificate.Replace(".crt", ".key", StringComparison.Ordinal) });
        var halfPair = Errors(new EmulatorSettings { CsmsUrl = "wss://h/ocpp", CsmsClientCert = certificate });
        var missing = Errors(new EmulatorSettings { CsmsUrl = "wss://h/ocpp", CsmsCaFile = "/nonexistent/ca.pem" });

        Assert.Contains("CSMS_CLIENT_CERT is issued to CN 'CP-SOMEONE', but STATION_ID is 'CP-EMU3'", Assert.Single(mismatch), StringComparison.Ordinal);
        Assert.Contains("CSMS_CLIENT_CERT and CSMS_CLIENT_KEY go together", Assert.Single(halfPair), StringComparison.Ordinal);
        Assert.StartsWith("CSMS_CA_FILE cannot be loaded", Assert.Single(missing), StringComparison.Ordinal);
    }

    public void Dispose() => _ca.Dispose();

    private static EmulatorOptions Parse(EmulatorSettings settings) =>
        EmulatorOptionsParser.Parse(settings, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));

    private static IReadOnlyList<string> Errors(EmulatorSettings settings)
    {
        EmulatorOptionsParser.Parse(settings, out var errors);
        return errors;
    }
}
