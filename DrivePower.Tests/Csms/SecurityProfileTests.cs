using System.Net;
using System.Net.WebSockets;
using System.Text;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Emulator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms;

public sealed class SecurityProfileTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string Password = "correct-horse-battery";
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Csms:SecurityProfile"] = "1",
            ["Csms:StationPasswords:CP-SECURE"] = Password,
            ["Csms:StationPasswords:EMU-SECURE"] = Password,
        });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Theory]
    [InlineData(null)] // no credentials: a profile-0 station on a profile-1 CSMS
    [InlineData("CP-SECURE:wrong-password-of-length")]
    [InlineData("CP-OTHER:" + Password)] // the user name is not the station id
    [InlineData("CP-SECURE:short")]
    public async Task Profile_1_refuses_a_station_without_the_right_basic_credentials_with_401(string? credentials)
    {
        using var socket = NewSocket(credentials);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_csms.OcppUri("CP-SECURE"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Profile_1_lets_in_a_station_with_its_id_and_password()
    {
        var socket = NewSocket("CP-SECURE:" + Password);
        await socket.ConnectAsync(_csms.OcppUri("CP-SECURE"), CancellationToken.None);
        await using var station = new TestStation(socket, "CP-SECURE");

        Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);
    }

    [Fact]
    public async Task The_emulator_with_CSMS_PASSWORD_boots_on_a_profile_1_csms()
    {
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{_csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-SECURE",
            ["CSMS_PASSWORD"] = Password,
        });
        await emulator.StartAsync();

        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT registration_status FROM stations WHERE id = 'EMU-SECURE'") == "Accepted", TimeSpan.FromSeconds(20));
        await emulator.StopAsync();
    }

    private static ClientWebSocket NewSocket(string? credentials)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("ocpp2.0.1");
        if (credentials is not null)
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return socket;
    }
}
