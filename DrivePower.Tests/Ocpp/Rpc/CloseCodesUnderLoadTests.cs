using System.Net.WebSockets;
using System.Text;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>
/// Issue 11 item 6: a station closed for a protocol reason learns why (1009, 1007) even when many
/// are closed at once; it never sees the connection drop without a close frame (1006).
/// </summary>
public sealed class CloseCodesUnderLoadTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const int StationsPerKind = 40;
    private const int MaxMessageSize = 4096;
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CsmsTestHost.StartAsync(database.ConnectionString,
            new Dictionary<string, string?> { ["Csms:MaxMessageSizeBytes"] = MaxMessageSize.ToString() });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Many_stations_closed_at_once_for_oversized_frames_and_invalid_utf8_all_see_1009_and_1007()
    {
        // The oversized message is far larger than the limit: most of it is still unread when the CSMS closes.
        var oversized = Encoding.UTF8.GetBytes($$$"""[2,"big","Heartbeat",{"customData":{"vendorId":"x","pad":"{{{new string('a', 256 * 1024)}}}"}}]""");
        byte[] invalidUtf8 = [.. """[2,"bad","Heartbeat",{"customData":{"vendorId":"""u8, 0x22, 0xC3, 0x28, 0x22, .. "}}]"u8];

        var closes = await Task.WhenAll(Enumerable.Range(0, 2 * StationsPerKind).Select(i =>
            i % 2 == 0 ? CloseStatusAfterSendingAsync($"CP-BIG-{i}", oversized) : CloseStatusAfterSendingAsync($"CP-UTF-{i}", invalidUtf8)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        var wrong = closes.Where(close => close.Status != close.Expected).Select(close => $"{close.StationId}: {close.Status?.ToString() ?? "1006 (no close frame)"}").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {closes.Length} stations saw the wrong close: {string.Join(", ", wrong.Take(10))}");

        async Task<(string StationId, WebSocketCloseStatus Expected, WebSocketCloseStatus? Status)> CloseStatusAfterSendingAsync(string stationId, byte[] message)
        {
            var expected = message == oversized ? WebSocketCloseStatus.MessageTooBig : WebSocketCloseStatus.InvalidPayloadData;
            using var socket = await _csms.OpenSocketAsync(stationId);
            return (stationId, expected, await SendAndAwaitCloseAsync(socket, message));
        }
    }

    /// <summary>Sends one message, then reads until the CSMS's close frame and answers it, as a station does; null when the connection dropped without one.</summary>
    private static async Task<WebSocketCloseStatus?> SendAndAwaitCloseAsync(ClientWebSocket socket, byte[] message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[4096];
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }
        catch (WebSocketException)
        {
            // Dropped: CloseStatus tells whether the close frame had arrived first.
        }

        return socket.CloseStatus;
    }
}
