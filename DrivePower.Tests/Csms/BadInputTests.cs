using System.Net.WebSockets;
using System.Text.Json;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Rpc;

namespace DrivePower.Tests.Csms;

public sealed class BadInputTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string Boot = """[2,"boot","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]""";
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["Csms:MaxMessageSizeBytes"] = "4096" });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Theory]
    [InlineData("""{"not":"an array"}""", "-1", "RpcFrameworkError")]
    [InlineData("""[2,"x1","Heartbeat",{}""", "-1", "RpcFrameworkError")]
    [InlineData("""[2,"x2","Heartbeat"]""", "x2", "RpcFrameworkError")]
    [InlineData("""[7,"x3","Heartbeat",{}]""", "x3", "MessageTypeNotSupported")]
    [InlineData("""[2,42,"Heartbeat",{}]""", "-1", "RpcFrameworkError")]
    [InlineData("""[2,"x5","FlyToTheMoon",{}]""", "x5", "NotImplemented")]
    [InlineData("""[2,"x6","heartbeat",{}]""", "x6", "NotImplemented")]
    [InlineData("""[2,"x7","BootNotification",{"reason":"PowerUp"}]""", "x7", "OccurrenceConstraintViolation")]
    [InlineData("""[2,"x8","BootNotification",{"reason":"Sunrise","chargingStation":{"model":"M","vendorName":"V"}}]""", "x8", "PropertyConstraintViolation")]
    [InlineData("""[2,"x9","BootNotification",{"reason":"PowerUp","chargingStation":{"model":7,"vendorName":"V"}}]""", "x9", "TypeConstraintViolation")]
    [InlineData("""[2,"xa","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V","colour":"red"}}]""", "xa", "FormatViolation")]
    [InlineData("""[2,"xb","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"012345678901234567890","vendorName":"V"}}]""", "xb", "PropertyConstraintViolation")]
    [InlineData("""[2,"xc","StatusNotification",{"timestamp":"yesterday","connectorStatus":"Available","evseId":1,"connectorId":1}]""", "xc", "TypeConstraintViolation")]
    public async Task A_bad_frame_or_payload_gets_its_call_error_and_the_socket_stays_usable(string frame, string id, string code)
    {
        using var socket = await _csms.OpenSocketAsync("CP-BAD-" + id);
        var station = new RawPeer(socket);
        await station.SendAsync(Boot);
        await station.ReceiveAsync();

        await station.SendAsync(frame);
        var error = JsonDocument.Parse(await station.ReceiveAsync()).RootElement;
        await station.SendAsync("""[2,"after","Heartbeat",{}]""");
        var heartbeat = JsonDocument.Parse(await station.ReceiveAsync()).RootElement;

        Assert.Equal(4, error[0].GetInt32());
        Assert.Equal(id, error[1].GetString());
        Assert.Equal(code, error[2].GetString());
        Assert.Equal(JsonValueKind.Object, error[4].ValueKind);
        Assert.Equal(3, heartbeat[0].GetInt32());
        Assert.Equal("after", heartbeat[1].GetString());
    }

    [Fact]
    public async Task A_violation_description_names_the_offending_path()
    {
        using var socket = await _csms.OpenSocketAsync("CP-BAD-PATH");
        var station = new RawPeer(socket);

        await station.SendAsync("""[2,"p1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":5}}]""");

        var error = JsonDocument.Parse(await station.ReceiveAsync()).RootElement;
        Assert.Contains("chargingStation.vendorName", error[3].GetString());
    }

    [Fact]
    public async Task An_oversized_message_closes_the_socket_with_1009_and_the_csms_keeps_serving()
    {
        using var socket = await _csms.OpenSocketAsync("CP-BIG");
        var station = new RawPeer(socket);

        await station.SendAsync($$$"""[2,"big","Heartbeat",{"customData":{"vendorId":"x","pad":"{{{new string('a', 8000)}}}"}}]""");

        await Assert.ThrowsAsync<WebSocketException>(() => station.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        await using var next = await _csms.ConnectAsync("CP-AFTER-BIG");
        await next.BootAsync();
    }
}
