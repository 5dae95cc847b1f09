using System.Net.WebSockets;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    /// <summary>
    /// Waits, at most the close timeout, until the transport under the socket ends (the owner's token,
    /// which stops the connection: the CSMS's is the request's, cancelled once the peer hangs up) or the
    /// connection is closed, so that returning does not tear down a connection whose close frame may
    /// still be on its way.
    /// </summary>
    private async Task LingerAsync(CancellationToken transportClosed)
    {
        try
        {
            await Task.Delay(_options.CloseTimeout, transportClosed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Sends our close frame and reads on, discarding, until the peer's close frame arrives (at most the
    /// close timeout), so the peer reads our status before the transport goes: unread input at teardown
    /// would reset the TCP connection and lose the close frame (the peer would see 1006).
    /// </summary>
    private async Task CloseForProtocolErrorAsync(WebSocketCloseStatus status, string description, byte[] scratch)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
            while (_socket.State == WebSocketState.CloseSent
                && (await _socket.ReceiveAsync(scratch.AsMemory(), timeout.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Closes the connection with a status; pending CALLs fail with <see cref="OcppConnectionClosedException"/>.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        await CloseQuietlyAsync(status, description).ConfigureAwait(false);
        Shutdown();
    }

    /// <summary>
    /// Closes the socket, aborting it when the close fails or takes longer than the close timeout.
    /// <paramref name="waitForPeer"/> false sends our close frame without waiting for the peer's.
    /// </summary>
    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string description, bool waitForPeer = true)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                return;
            var closing = waitForPeer
                ? _socket.CloseAsync(status, description, timeout.Token)
                : _socket.CloseOutputAsync(status, description, timeout.Token);
            await closing.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException
            // .NET's client socket, after the peer's close frame, waits up to a second for the server to end
            // TCP, then disposes its HTTP stream while that read is still pending; the read, ending at EOF,
            // disposes the same stream, and the loser of that race throws this from inside CloseAsync. Seen
            // when 2,000 load stations closed at once.
            or NullReferenceException)
        {
            _socket.Abort();
        }
    }

    /// <summary>
    /// Stops everything at once: no more inbound dispatch (queued CALLs die), every pending CALL failed. A second caller
    /// (RunAsync ending while DisposeAsync runs) waits until the first has finished, so that disposal
    /// never disposes the token source under a Cancel still in progress.
    /// </summary>
    private void Shutdown()
    {
        lock (_shutdownLock)
        {
            if (_shutDown)
                return;
            _shutDown = true;
            _closing.Cancel();
            FailPendingCalls();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, "Closing").ConfigureAwait(false);
        Shutdown();
        _socket.Dispose();
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        // Callers still on their way out meet ObjectDisposedException, which every use turns into "closed".
        _closing.Dispose();
        _sendLock.Dispose();
        _callLock.Dispose();
    }

    /// <summary>Releases a lock that may have been disposed meanwhile by <see cref="DisposeAsync"/>.</summary>
    private static void ReleaseQuietly(SemaphoreSlim semaphore)
    {
        try
        {
            semaphore.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
