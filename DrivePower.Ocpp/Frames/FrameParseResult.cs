namespace DrivePower.Ocpp.Frames;

/// <summary>
/// The outcome of reading one text message: the frame, or the CALLERROR that answers it.
/// A malformed CALLRESULT or CALLERROR has no answer (<see cref="Error"/> null, <see cref="Frame"/> null):
/// OCPP-J answers only CALLs, so such a frame is logged and dropped.
/// </summary>
public readonly record struct FrameParseResult(OcppFrame? Frame, CallErrorFrame? Error, string? Problem)
{
    public bool IsValid => Frame is not null;

    public static FrameParseResult Valid(OcppFrame frame) => new(frame, null, null);

    public static FrameParseResult Answer(CallErrorFrame error) => new(null, error, error.ErrorDescription);

    public static FrameParseResult Dropped(string problem) => new(null, null, problem);
}
