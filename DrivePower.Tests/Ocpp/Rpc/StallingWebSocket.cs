using System.Net.WebSockets;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>
/// A real WebSocket whose sends can be made to hang, as they do when the peer stops reading and the
/// TCP buffers are full; everything else goes straight to the socket underneath.
/// </summary>
internal sealed class StallingWebSocket(WebSocket inner) : WebSocket
{
    public bool StallSends { get; set; }

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => inner.Dispose();

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(buffer, cancellationToken);

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(buffer, cancellationToken);

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        if (StallSends)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        await inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    public override async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        if (StallSends)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        await inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }
}
