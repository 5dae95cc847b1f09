using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using DrivePower.Csms.Configuration;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.Csms.Connections;

public sealed class ConnectionTimeoutTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Csms:HandshakeTimeoutSeconds"] = "1",
            ["Csms:BootTimeoutSeconds"] = "1",
        });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task A_TCP_connection_that_sends_nothing_is_closed_while_a_station_is_served()
    {
        await using var station = await BootedStationAsync("CP-BESIDE-SILENT-TCP");
        using var silent = await OpenTcpAsync();

        await WaitUntilClosedByServerAsync(silent);

        await station.CallAsync(new HeartbeatRequest());
    }

    [Fact]
    public async Task A_TCP_connection_that_never_finishes_its_upgrade_request_is_closed()
    {
        using var slow = await OpenTcpAsync();
        var partial = $"GET /ocpp/CP-SLOW HTTP/1.1\r\nHost: {_csms.BaseAddress.Authority}\r\nUpgrade: websocket\r\n";
        await slow.GetStream().WriteAsync(Encoding.ASCII.GetBytes(partial));

        await WaitUntilClosedByServerAsync(slow);
    }

    [Fact]
    public async Task A_WebSocket_that_sends_no_BootNotification_is_closed_with_1008_while_a_station_is_served()
    {
        await using var station = await BootedStationAsync("CP-BESIDE-SILENT-WS");
        using var silent = await _csms.OpenSocketAsync("CP-SILENT-WS");

        var received = await silent.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, silent.CloseStatus);
        Assert.Equal("No accepted BootNotification within 1 s", silent.CloseStatusDescription);
        await station.CallAsync(new HeartbeatRequest());
        Assert.True(station.Connection.IsOpen);
    }

    [Fact]
    public async Task A_station_accepted_before_need_not_boot_again_after_reconnecting()
    {
        await (await BootedStationAsync("CP-BOOTED-BEFORE")).DisposeAsync();
        await using var reconnected = await _csms.ConnectAsync("CP-BOOTED-BEFORE");
        using var silent = await _csms.OpenSocketAsync("CP-NEVER-BOOTS");

        await silent.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(Generous); // the boot limit has passed

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, silent.CloseStatus);
        await reconnected.CallAsync(new HeartbeatRequest());
        Assert.True(reconnected.Connection.IsOpen);
    }

    [Theory]
    [InlineData("Csms:HandshakeTimeoutSeconds", "0")]
    [InlineData("Csms:BootTimeoutSeconds", "0")]
    [InlineData("Csms:BootTimeoutSeconds", "3601")]
    public void An_out_of_range_limit_is_a_start_up_problem(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = "Host=127.0.0.1;Database=unused",
            [setting] = value,
        }).Build();

        var line = Assert.Single(CsmsSettingsCheck.Problems(configuration));
        Assert.StartsWith(setting + ": ", line, StringComparison.Ordinal);
    }

    private async Task<TestStation> BootedStationAsync(string stationId)
    {
        var station = await _csms.ConnectAsync(stationId);
        await station.BootAsync();
        return station;
    }

    private async Task<TcpClient> OpenTcpAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(_csms.BaseAddress.Host, _csms.BaseAddress.Port);
        return client;
    }

    /// <summary>Reads until the CSMS ends the connection (a 408 answer before that is fine).</summary>
    private static async Task WaitUntilClosedByServerAsync(TcpClient client)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Generous);
        try
        {
            while (await client.GetStream().ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // reset instead of a FIN: closed all the same
        }
    }
}
