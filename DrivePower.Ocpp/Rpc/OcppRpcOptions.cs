namespace DrivePower.Ocpp.Rpc;

/// <summary>Settings of one OCPP RPC connection.</summary>
public sealed class OcppRpcOptions
{
    /// <summary>How long an outbound CALL waits for its answer.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest text message accepted, in bytes; a larger one closes the socket with 1009.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// How long one send may take before the connection is considered dead: the socket is aborted and
    /// the CALL that was sending fails with <see cref="OcppSendTimeoutException"/>.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a close waits for the peer's close reply before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many inbound CALLs may wait for their turn. OCPP allows one CALL in flight per direction, so
    /// a well-behaved peer never has more than one or two waiting; while the queue is full the connection
    /// stops reading the socket, which slows a flooding peer down instead of growing memory (its pings,
    /// and answers to our own CALLs, wait too: a handler calling such a peer back waits out its timeout).
    /// </summary>
    public int MaxQueuedCalls { get; set; } = 16;

    /// <summary>
    /// Whether outbound CALLs carry the W3C trace context in the payload's top-level customData
    /// (vendor id <see cref="OcppTraceContext.VendorId"/>), so the peer's handler span joins the trace.
    /// An inbound CALL's trace context is honoured either way.
    /// </summary>
    public bool PropagateTraceContext { get; set; } = true;

    /// <summary>Sees every frame in and out (the CSMS's message journal); null, the default, costs nothing.</summary>
    public IOcppFrameObserver? FrameObserver { get; set; }
}
