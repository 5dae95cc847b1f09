using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Rpc;

/// <summary>Which way a frame went, seen from the connection's own side.</summary>
public enum OcppFrameDirection
{
    Received,
    Sent,
}

/// <summary>
/// One frame as the connection saw it: parsed (<see cref="Frame"/> null when it could not be parsed)
/// and, for a CALLRESULT or CALLERROR, the action of the CALL it answers when the connection knows it.
/// </summary>
public readonly record struct OcppObservedFrame(string StationId, OcppFrameDirection Direction, OcppFrame? Frame, string? Action);

/// <summary>
/// Sees every text frame a connection receives and every frame it sends (<see cref="OcppRpcOptions.FrameObserver"/>),
/// a received one before it is dispatched and a sent one as it is handed to the socket, so a CALL is
/// always seen before its answer. Called on the connection's own path: it must return at once and not
/// throw (what it throws is logged and ignored). Without an observer the connection does no extra work.
/// </summary>
public interface IOcppFrameObserver
{
    /// <param name="frame">The frame and where it went.</param>
    /// <param name="utf8">The whole frame as on the wire; valid only during the call.</param>
    void OnFrame(in OcppObservedFrame frame, ReadOnlySpan<byte> utf8);
}
