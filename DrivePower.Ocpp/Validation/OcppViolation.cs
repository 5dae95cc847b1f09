using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// One way a payload breaks its action's contract: the CALLERROR code it earns, the JSON path of the
/// offending value (<c>$.meterValue[0].sampledValue[1].measurand</c>) and a short message that never
/// quotes the offending value.
/// </summary>
public sealed record OcppViolation(OcppErrorCode Code, string Path, string Message)
{
    /// <summary>A CALLERROR description naming the path, at most 255 characters.</summary>
    public string Description => CallErrorFrame.FitDescription($"{Path}: {Message}");

    /// <summary>The CALLERROR answering a CALL whose payload broke the contract this way.</summary>
    public CallErrorFrame ToCallError(string messageId) => CallErrorFrame.Create(messageId, Code, Description);

    public override string ToString() => $"{Code} {Description}";
}
