namespace DrivePower.Ocpp.Rpc;

/// <summary>Settings of one OCPP RPC connection.</summary>
public sealed class OcppRpcOptions
{
    /// <summary>How long an outbound CALL waits for its answer.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest text message accepted, in bytes; a larger one closes the socket with 1009.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>How long one send may take before the connection is considered dead.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a close waits for the peer's close reply before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
