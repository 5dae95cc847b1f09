using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>
/// The receive path rents its buffer per message (after a zero-byte read), starting small and growing:
/// messages of every size, split into frames of every size, must still arrive whole and in order.
/// </summary>
public class ReceiveBufferTests
{
    private static OcppHandlerRegistry EchoingPadLength() => new OcppHandlerRegistry()
        .On<DataTransferRequest, DataTransferResponse>((_, request, _) => ValueTask.FromResult(new DataTransferResponse
        {
            Status = DataTransferStatus.Accepted,
            Data = JsonSerializer.SerializeToElement(request.Data?.GetString()?.Length ?? -1),
        }));

    private static string DataTransfer(string messageId, int padLength) =>
        $$"""[2,"{{messageId}}","DataTransfer",{"vendorId":"org.drivepower","data":"{{new string('p', padLength)}}"}]""";

    private static int PadLengthIn(string callResult)
    {
        var frame = JsonDocument.Parse(callResult).RootElement;
        Assert.Equal(3, frame[0].GetInt32());
        return frame[2].GetProperty("data").GetInt32();
    }

    [Fact]
    public async Task Messages_far_larger_than_the_first_buffer_sent_in_small_frames_arrive_whole()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, EchoingPadLength());
        var raw = new RawPeer(pair.Client);

        var bytes = Encoding.UTF8.GetBytes(DataTransfer("big", 50_000));
        for (var offset = 0; offset < bytes.Length; offset += 700)
        {
            var count = Math.Min(700, bytes.Length - offset);
            await pair.Client.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, CancellationToken.None);
        }

        Assert.Equal(50_000, PadLengthIn(await raw.ReceiveAsync()));
    }

    [Fact]
    public async Task Large_and_small_messages_in_turn_each_arrive_with_their_own_content()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, EchoingPadLength());
        var raw = new RawPeer(pair.Client);

        int[] sizes = [30_000, 3, 9_000, 0, 4_000, 60_000, 1];
        for (var i = 0; i < sizes.Length; i++)
        {
            await raw.SendAsync(DataTransfer($"m{i}", sizes[i]));
            Assert.Equal(sizes[i], PadLengthIn(await raw.ReceiveAsync()));
        }
    }

    [Fact]
    public async Task A_message_of_exactly_the_size_limit_is_accepted_and_one_byte_more_closes_with_1009()
    {
        const int limit = 10_000;
        var atLimit = DataTransfer("at", 0);
        atLimit = DataTransfer("at", limit - Encoding.UTF8.GetByteCount(atLimit));
        Assert.Equal(limit, Encoding.UTF8.GetByteCount(atLimit));

        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, EchoingPadLength(), new OcppRpcOptions { MaxMessageSize = limit });
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync(atLimit);
        Assert.Equal(limit - Encoding.UTF8.GetByteCount(DataTransfer("at", 0)), PadLengthIn(await raw.ReceiveAsync()));

        await raw.SendAsync(DataTransfer("at", limit - Encoding.UTF8.GetByteCount(DataTransfer("at", 0)) + 1));
        await Assert.ThrowsAsync<WebSocketException>(() => raw.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, pair.Client.CloseStatus);
    }
}
