using System.Net;
using System.Net.WebSockets;
using System.Text;
using DrivePower.Csms.Configuration;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>Security profile 1 with hashed passwords and throttled failures, over real sockets.</summary>
public sealed class StationLoginTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string Password = "correct-horse-battery";
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Csms:SecurityProfile"] = "1",
            ["Csms:StationPasswords:CP-HASHED"] = StationPasswordHash.Create(Password),
            ["Csms:StationPasswords:CP-TARGET"] = StationPasswordHash.Create(Password),
            ["Csms:StationPasswords:CP-BYSTANDER"] = Password,
            ["Csms:StationLogin:FreeFailuresPerStation"] = "3",
            ["Csms:StationLogin:LockoutSeconds"] = "60",
        });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task A_station_whose_password_is_configured_as_a_hash_gets_in_with_the_password()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync("CP-HASHED", "wrong-password-of-length"));

        var socket = NewSocket("CP-HASHED", Password);
        await socket.ConnectAsync(_csms.OcppUri("CP-HASHED"), CancellationToken.None);
        await using var station = new TestStation(socket, "CP-HASHED");
        Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_station_id_out_with_429_while_other_stations_get_in()
    {
        for (var guess = 1; guess <= 3; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync("CP-TARGET", $"guess-number-{guess}-of-many"));

        using var locked = NewSocket("CP-TARGET", Password); // even the right password waits out the lockout
        await Assert.ThrowsAsync<WebSocketException>(() => locked.ConnectAsync(_csms.OcppUri("CP-TARGET"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.HttpStatusCode);
        var retryAfter = int.Parse(Assert.Single(locked.HttpResponseHeaders!["Retry-After"]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        var socket = NewSocket("CP-BYSTANDER", Password);
        await socket.ConnectAsync(_csms.OcppUri("CP-BYSTANDER"), CancellationToken.None);
        await using var bystander = new TestStation(socket, "CP-BYSTANDER");
        Assert.Equal(RegistrationStatus.Accepted, (await bystander.BootAsync()).Status);
    }

    private async Task<HttpStatusCode> StatusOfAsync(string stationId, string password)
    {
        using var socket = NewSocket(stationId, password);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_csms.OcppUri(stationId), CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private static ClientWebSocket NewSocket(string user, string password)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("ocpp2.0.1");
        socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return socket;
    }
}
