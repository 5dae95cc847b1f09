using System.Text.Json;

namespace DrivePower.Ocpp.Frames;

/// <summary>The OCPP-J message type numbers.</summary>
public enum OcppMessageType
{
    Call = 2,
    CallResult = 3,
    CallError = 4,
}

/// <summary>One OCPP-J frame, parsed: a CALL, a CALLRESULT or a CALLERROR.</summary>
public abstract record OcppFrame(string MessageId)
{
    /// <summary>The longest message id OCPP-J allows.</summary>
    public const int MaxMessageIdLength = 36;

    /// <summary>The message id used to answer a frame whose own id can't be read.</summary>
    public const string UnreadableMessageId = "-1";

    public abstract OcppMessageType Type { get; }
}

public sealed record CallFrame(string MessageId, string Action, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType Type => OcppMessageType.Call;
}

public sealed record CallResultFrame(string MessageId, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType Type => OcppMessageType.CallResult;
}

/// <summary>
/// A CALLERROR. <see cref="ErrorCode"/> stays a string because a peer may send a code this
/// library does not know; <see cref="TryGetKnownCode"/> maps the known ones.
/// </summary>
public sealed record CallErrorFrame(string MessageId, string ErrorCode, string ErrorDescription, JsonElement ErrorDetails)
    : OcppFrame(MessageId)
{
    /// <summary>The longest description OCPP-J allows.</summary>
    public const int MaxDescriptionLength = 255;

    public override OcppMessageType Type => OcppMessageType.CallError;

    public bool TryGetKnownCode(out OcppErrorCode code) =>
        Enum.TryParse(ErrorCode, ignoreCase: false, out code) && Enum.IsDefined(code);

    /// <summary>A CALLERROR of ours: the description cut to 255 characters, details <c>{}</c> when none.</summary>
    public static CallErrorFrame Create(string messageId, OcppErrorCode code, string description, JsonElement? details = null) =>
        new(messageId, code.ToString(), FitDescription(description), details ?? EmptyObject);

    /// <summary>The empty JSON object <c>{}</c>.</summary>
    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>A description cut to the 255 characters OCPP-J allows (ending in "…" when cut).</summary>
    public static string FitDescription(string description) =>
        description.Length <= MaxDescriptionLength ? description : description[..(MaxDescriptionLength - 1)] + "…";
}
