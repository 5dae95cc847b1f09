using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using DrivePower.Ocpp.Frames;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrivePower.Ocpp.Rpc;

/// <summary>
/// OCPP-J RPC over one WebSocket, the same for both sides (the CSMS's server socket, the emulator's
/// <see cref="ClientWebSocket"/>). Inbound CALLs are answered by the <see cref="OcppHandlerRegistry"/> in
/// arrival order; outbound CALLs go one at a time through <see cref="CallAsync(string, System.Text.Json.JsonElement, CancellationToken)"/>.
/// Frames are written by one writer at a time; CALLs crossing in opposite directions are fine.
/// </summary>
public sealed partial class OcppRpcConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly OcppHandlerRegistry _handlers;
    private readonly OcppRpcOptions _options;
    private readonly OcppRpcTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly ILogger _frameLogger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationToken _closingToken; // stays readable once _closing is disposed
    private int _runStarted;
    private readonly Lock _shutdownLock = new();
    private bool _shutDown;
    private int _disposed;

    public OcppRpcConnection(
        WebSocket socket,
        string stationId,
        OcppHandlerRegistry handlers,
        OcppRpcOptions? options = null,
        OcppRpcTelemetry? telemetry = null,
        ILoggerFactory? loggerFactory = null)
    {
        _socket = socket;
        StationId = stationId;
        _handlers = handlers;
        _options = options ?? new OcppRpcOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxQueuedCalls, 1, nameof(OcppRpcOptions.MaxQueuedCalls));
        _closingToken = _closing.Token;
        _telemetry = telemetry ?? new OcppRpcTelemetry();
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger(LogCategory); // the factory's cached logger: CreateLogger<T> makes a wrapper per connection
        _frameLogger = loggerFactory.CreateLogger(FrameLogCategory);
    }

    private static readonly string LogCategory = typeof(OcppRpcConnection).FullName!;

    /// <summary>The log category of every frame in and out; turn it down to quiet a busy stand.</summary>
    public const string FrameLogCategory = "DrivePower.Ocpp.Frames";

    /// <summary>The station identity this connection speaks for (the CSMS's peer, or the emulator's self).</summary>
    public string StationId { get; }

    /// <summary>Decides, before dispatch, whether an inbound CALL is answered with an error instead (e.g. SecurityError before boot).</summary>
    public Func<OcppCallContext, OcppError?>? CallFilter { get; set; }

    /// <summary>Called for every message the peer sends, well-formed or not: a sign of life.</summary>
    public Action<OcppRpcConnection>? MessageReceived { get; set; }

    /// <summary>State the owner attaches to the connection (the CSMS keeps its station session here).</summary>
    public object? State { get; set; }

    /// <summary>Cancelled once the connection is closing or closed.</summary>
    public CancellationToken Closing => _closingToken;

    public bool IsOpen => !_closing.IsCancellationRequested && _socket.State == WebSocketState.Open;

    /// <summary>Reads and answers frames until the socket closes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _runStarted, 1) == 1)
            throw new InvalidOperationException("RunAsync was already called on this connection.");

        // The owner's token stops the connection as its own closing does, so one token serves both
        // (a registration, not a linked token source, held for the connection's life).
        using var ownerStop = cancellationToken.Register(static connection => ((OcppRpcConnection)connection!).Shutdown(), this);
        try
        {
            await ReceiveLoopAsync(_closingToken).ConfigureAwait(false);
        }
        catch (WebSocketException exception) when (exception.WebSocketErrorCode == WebSocketError.Faulted)
        {
            // The peer broke the WebSocket protocol (invalid UTF-8, a bad frame header): the socket has
            // sent its close frame (1007, 1002) and given up reading, so what remains is to let that
            // frame reach the peer before the transport is torn down.
            Log.ConnectionLost(_logger, StationId, exception.Message);
            await LingerAsync(_closingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or OcppConnectionClosedException)
        {
            Log.ConnectionLost(_logger, StationId, exception.Message);
        }
        finally
        {
            Shutdown();
            await AnswerTurnEnded().ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            // A zero-byte read waits for the next frame without holding a buffer: thousands of idle
            // stations then hold no receive memory of ours, only while a message is read is one rented.
            var first = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (!await ReceiveMessageAsync(first, cancellationToken).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>Reads the rest of the message whose first frame has arrived and handles it; false once the connection is closing.</summary>
    private async Task<bool> ReceiveMessageAsync(ValueWebSocketReceiveResult result, CancellationToken cancellationToken)
    {
        // Room for one byte past the limit, so a message exactly at the limit is told from one beyond it.
        var limit = _options.MaxMessageSize + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialReceiveBufferSize, limit));
        var length = 0;
        try
        {
            while (true)
            {
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Log.PeerClosed(_logger, StationId, _socket.CloseStatus?.ToString() ?? "none", _socket.CloseStatusDescription ?? "");
                    await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, "Closing", waitForPeer: false).ConfigureAwait(false);
                    return false;
                }

                length += result.Count;
                if (length > _options.MaxMessageSize)
                {
                    Log.MessageTooBig(_logger, StationId, _options.MaxMessageSize);
                    await CloseForProtocolErrorAsync(WebSocketCloseStatus.MessageTooBig, $"Message larger than {_options.MaxMessageSize} bytes", buffer).ConfigureAwait(false);
                    return false;
                }

                if (result.EndOfMessage)
                    break;
                if (length == buffer.Length)
                    buffer = Grow(buffer, length, limit);
                result = await _socket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit) - length), cancellationToken).ConfigureAwait(false);
            }

            if (result.MessageType == WebSocketMessageType.Binary)
                await RejectAsync(CallErrorFrame.Create(OcppFrame.UnreadableMessageId, OcppErrorCode.RpcFrameworkError,
                    "Binary WebSocket messages are not OCPP-J; send text frames."), cancellationToken).ConfigureAwait(false);
            else
                await OnMessageAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Most OCPP messages fit in one rent of this size; a bigger one doubles it, up to the size limit.</summary>
    private const int InitialReceiveBufferSize = 4 * 1024;

    private static byte[] Grow(byte[] buffer, int length, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private async Task OnMessageAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        MessageReceived?.Invoke(this);
        if (_frameLogger.IsEnabled(LogLevel.Information))
            Log.FrameReceived(_frameLogger, StationId, System.Text.Encoding.UTF8.GetString(utf8.Span));

        var parsed = FrameParser.Parse(utf8);
        if (_options.FrameObserver is { } observer)
            Observe(observer, OcppFrameDirection.Received, parsed.Frame, AnsweredAction(parsed.Frame), utf8.Span);
        switch (parsed.Frame)
        {
            case CallFrame call:
                await QueueAsync(call, cancellationToken).ConfigureAwait(false);
                return;
            case CallResultFrame or CallErrorFrame:
                CompletePendingCall(parsed.Frame);
                return;
        }

        if (parsed.Error is { } error)
            await RejectAsync(error, cancellationToken).ConfigureAwait(false);
        else
            Log.MalformedResponseDropped(_logger, StationId, parsed.Problem ?? "malformed frame");
    }

    private async Task RejectAsync(CallErrorFrame error, CancellationToken cancellationToken)
    {
        _telemetry.RecordRejectedFrame(error.ErrorCode);
        Log.FrameRejected(_logger, StationId, error.ErrorCode, error.ErrorDescription);
        try
        {
            await SendFrameAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppConnectionClosedException)
        {
            // Closing (our close frame is sent, the peer's not yet read): no answer can go out any more.
            Log.RejectionLost(_logger, StationId, error.ErrorCode);
        }
    }

    /// <summary>
    /// Writes one frame; a single writer at a time, as WebSocket requires. <paramref name="answering"/>
    /// is the action of the CALL an answer answers, for the frame observer.
    /// </summary>
    private async Task SendFrameAsync(OcppFrame frame, CancellationToken cancellationToken, string? answering = null)
    {
        var bytes = FrameWriter.Write(frame);
        // The send timeout costs a timer only when something has to wait: for the lock while another
        // frame is being written, or for a send the socket could not take at once. Most take neither.
        // Both waits share one budget: the frame is written within the send timeout or not at all.
        var started = Stopwatch.GetTimestamp();
        bool entered;
        try
        {
            entered = await _sendLock.WaitAsync(_options.SendTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw new OcppConnectionClosedException(StationId);
        }

        if (!entered)
            throw SendTimedOut();
        try
        {
            if (_socket.State != WebSocketState.Open)
                throw new OcppConnectionClosedException(StationId);
            // Before the send, not after: the peer's answer to a CALL may be read before SendAsync returns.
            if (_options.FrameObserver is { } observer)
                Observe(observer, OcppFrameDirection.Sent, frame, (frame as CallFrame)?.Action ?? answering, bytes);
            var sending = _socket.SendAsync(bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            if (!sending.IsCompletedSuccessfully)
                await WithinSendTimeoutAsync(sending.AsTask(), _options.SendTimeout - Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            throw new OcppConnectionClosedException(StationId);
        }
        finally
        {
            ReleaseQuietly(_sendLock);
        }

        if (_frameLogger.IsEnabled(LogLevel.Information))
            Log.FrameSent(_frameLogger, StationId, System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Waits for a send the socket did not take at once, at most what is <paramref name="left"/> of the send timeout.</summary>
    private async Task WithinSendTimeoutAsync(Task sending, TimeSpan left)
    {
        try
        {
            await sending.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Aborting the socket (below) fails the send; its exception is seen here, not left unobserved.
            _ = sending.ContinueWith(static failed => _ = failed.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw SendTimedOut();
        }
    }

    /// <summary>A send that timed out: the peer stopped reading, so the connection is given up at once.</summary>
    private OcppSendTimeoutException SendTimedOut()
    {
        Log.SendTimedOut(_logger, StationId, _options.SendTimeout.TotalSeconds);
        _socket.Abort();
        Shutdown();
        return new OcppSendTimeoutException(StationId, _options.SendTimeout);
    }
}
