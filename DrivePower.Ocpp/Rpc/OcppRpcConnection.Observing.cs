using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    /// <summary>Hands a frame to the observer; its failure must never reach the station's path.</summary>
    private void Observe(IOcppFrameObserver observer, OcppFrameDirection direction, OcppFrame? frame, string? action, ReadOnlySpan<byte> utf8)
    {
        try
        {
            observer.OnFrame(new OcppObservedFrame(StationId, direction, frame, action), utf8);
        }
        catch (Exception exception)
        {
            Log.FrameObserverFailed(_logger, exception, StationId);
        }
    }

    /// <summary>A received frame's action: a CALL's own, or that of our CALL an answer matches (pending or abandoned).</summary>
    private string? AnsweredAction(OcppFrame? frame) => frame switch
    {
        CallFrame call => call.Action,
        null => null,
        _ when _inFlight is { } pending && pending.MessageId == frame.MessageId => pending.Action,
        _ => _abandoned?.FirstOrDefault(call => call.MessageId == frame.MessageId).Action,
    };
}
