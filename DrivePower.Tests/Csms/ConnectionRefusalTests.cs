using System.Net;
using System.Net.WebSockets;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms;

public sealed class ConnectionRefusalTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() => _csms = await CsmsTestHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Theory]
    [InlineData("ocpp2.0.1", "ocpp2.0.1")]
    [InlineData("ocpp2.0", "ocpp2.0")]
    [InlineData("ocpp1.6,ocpp2.0,ocpp2.0.1", "ocpp2.0.1")]
    public async Task The_preferred_supported_subprotocol_is_chosen(string offered, string chosen)
    {
        using var socket = await _csms.OpenSocketAsync("CP-SUB", offered.Split(','));

        Assert.Equal(chosen, socket.SubProtocol);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Theory]
    [InlineData]
    [InlineData("ocpp1.6")]
    [InlineData("OCPP2.0.1")]
    public async Task A_connection_without_a_supported_subprotocol_is_refused_with_400(params string[] offered)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var subprotocol in offered)
            socket.Options.AddSubProtocol(subprotocol);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_csms.OcppUri("CP-NOSUB"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
        Assert.NotEqual(WebSocketState.Open, socket.State);
    }

    [Theory]
    [InlineData("ocpp/1234567890123456789012345678901234567890123456789")] // 49 characters
    [InlineData("ocpp/CP%3A01")] // ':' is the Basic-auth separator
    [InlineData("ocpp/")]
    [InlineData("ocpp")]
    public async Task An_invalid_station_id_is_refused_with_400_and_a_problem_description(string path)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("ocpp2.0.1");

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://{_csms.BaseAddress.Authority}/{path}"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_station_id_of_exactly_48_characters_is_accepted()
    {
        using var socket = await _csms.OpenSocketAsync(new string('A', 48));

        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task A_plain_http_request_to_the_endpoint_gets_a_problem_document()
    {
        var response = await _csms.Http.GetAsync("/ocpp/CP-HTTP");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_liveness_endpoints_report_healthy_with_the_database_up()
    {
        Assert.Equal(HttpStatusCode.OK, (await _csms.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _csms.Http.GetAsync("/alive")).StatusCode);
    }
}
