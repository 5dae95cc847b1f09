using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>Security profiles 2 (TLS + Basic auth) and 3 (mutual TLS, CN = station id) on Kestrel, with a CA made in the test.</summary>
public sealed class TlsSecurityProfileTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly ThrowawayCa _ca = ThrowawayCa.Create("DrivePower test CA");

    [Fact]
    public async Task Profile_3_lets_in_a_station_whose_certificate_cn_is_its_id()
    {
        await using var csms = await StartAsync(profile: 3);
        using var certificate = _ca.Issue("CP-TLS3");

        var socket = NewSocket(certificate);
        await socket.ConnectAsync(OcppUri(csms, "wss", "CP-TLS3"), CancellationToken.None);
        await using var station = new TestStation(socket, "CP-TLS3");

        Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);
    }

    [Fact]
    public async Task Profile_3_refuses_a_certificate_of_another_station_or_none_with_401()
    {
        await using var csms = await StartAsync(profile: 3);
        using var other = _ca.Issue("CP-OTHER");

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(NewSocket(other), OcppUri(csms, "wss", "CP-TLS3")));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(NewSocket(), OcppUri(csms, "wss", "CP-TLS3")));
    }

    [Fact]
    public async Task Profile_3_refuses_at_the_handshake_a_certificate_from_another_ca()
    {
        await using var csms = await StartAsync(profile: 3);
        using var stranger = ThrowawayCa.Create("Someone else's CA");
        using var certificate = stranger.Issue("CP-TLS3");
        using var socket = NewSocket(certificate);

        await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(OcppUri(csms, "wss", "CP-TLS3"), CancellationToken.None));
        Assert.NotEqual(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Profile_2_takes_basic_auth_over_tls_and_refuses_plain_ws_with_400()
    {
        await using var csms = await StartAsync(profile: 2);

        var socket = NewSocket(credentials: "CP-TLS2:" + Password);
        await socket.ConnectAsync(OcppUri(csms, "wss", "CP-TLS2"), CancellationToken.None);
        await using (var station = new TestStation(socket, "CP-TLS2"))
            Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);

        Assert.Equal(HttpStatusCode.BadRequest, await RefusedStatusAsync(NewSocket(credentials: "CP-TLS2:" + Password), OcppUri(csms, "ws", "CP-TLS2")));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedStatusAsync(NewSocket(credentials: "CP-TLS2:wrong-password-of-length"), OcppUri(csms, "wss", "CP-TLS2")));
    }

    [Theory]
    [InlineData(null, "security profile 3 needs the PEM file of the CA")]
    [InlineData("/nonexistent/station-ca.pem", "cannot load a PEM certificate from /nonexistent/station-ca.pem")]
    public void Profile_3_without_a_loadable_station_ca_is_a_start_up_problem(string? path, string problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = "Host=127.0.0.1;Database=unused",
            ["Csms:SecurityProfile"] = "3",
            ["Csms:StationCaCertificatePath"] = path,
        }).Build();

        var line = Assert.Single(DrivePower.Csms.Configuration.CsmsSettingsCheck.Problems(configuration));
        Assert.StartsWith("Csms:StationCaCertificatePath: " + problem, line, StringComparison.Ordinal);
    }

    public void Dispose() => _ca.Dispose();

    /// <summary>The CSMS with an HTTP and an HTTPS endpoint from Kestrel settings, as an operator would configure it.</summary>
    private Task<CsmsTestHost> StartAsync(int profile) =>
        CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = _ca.WriteServerPfx("server-pfx-password"),
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "server-pfx-password",
            ["Csms:SecurityProfile"] = profile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Csms:StationCaCertificatePath"] = _ca.WriteCaPem(),
            ["Csms:StationPasswords:CP-TLS2"] = Password,
        });

    private static Uri OcppUri(CsmsTestHost csms, string scheme, string stationId)
    {
        var addresses = csms.Get<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.Single(a => a.StartsWith(scheme == "wss" ? "https:" : "http:", StringComparison.Ordinal)));
        return new Uri($"{scheme}://{address.Authority}/ocpp/{stationId}");
    }

    private ClientWebSocket NewSocket(X509Certificate2? certificate = null, string? credentials = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("ocpp2.0.1");
        socket.Options.RemoteCertificateValidationCallback = (_, server, _, _) => _ca.Issued(server);
        if (certificate is not null)
            socket.Options.ClientCertificates.Add(certificate);
        if (credentials is not null)
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return socket;
    }

    private static async Task<HttpStatusCode> RefusedStatusAsync(ClientWebSocket socket, Uri uri)
    {
        using (socket)
        {
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
            return socket.HttpStatusCode;
        }
    }
}
