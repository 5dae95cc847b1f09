using System.Text.Json;

namespace DrivePower.Ocpp.Frames;

/// <summary>
/// Reads OCPP-J frames. Every malformed input becomes a <see cref="FrameParseResult"/> carrying the
/// CALLERROR that answers it; descriptions never quote the raw input.
/// </summary>
public static class FrameParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static FrameParseResult Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Reject(OcppFrame.UnreadableMessageId, OcppErrorCode.RpcFrameworkError, "Message is not valid JSON.");
        }

        return Parse(root);
    }

    public static FrameParseResult Parse(string text) => Parse(System.Text.Encoding.UTF8.GetBytes(text));

    private static FrameParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
            return Reject(OcppFrame.UnreadableMessageId, OcppErrorCode.RpcFrameworkError, "Message is not a JSON array.");

        var length = root.GetArrayLength();
        if (length == 0 || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var typeNumber))
            return Reject(ReadableId(root, length), OcppErrorCode.RpcFrameworkError, "Message type number is missing or not an integer.");

        var id = ReadableId(root, length);
        if (typeNumber is < 2 or > 4)
            return Reject(id, OcppErrorCode.MessageTypeNotSupported, $"Message type {typeNumber} is not supported.");

        if (length < 2 || root[1].ValueKind != JsonValueKind.String)
            return Reject(id, OcppErrorCode.RpcFrameworkError, "Message id is missing or not a string.");
        if (root[1].GetString()!.Length is 0 or > OcppFrame.MaxMessageIdLength)
            return Reject(id, OcppErrorCode.RpcFrameworkError, $"Message id must be 1 to {OcppFrame.MaxMessageIdLength} characters long.");

        return (OcppMessageType)typeNumber switch
        {
            OcppMessageType.Call => ParseCall(root, length, id),
            OcppMessageType.CallResult => ParseCallResult(root, length, id),
            _ => ParseCallError(root, length, id),
        };
    }

    private static FrameParseResult ParseCall(JsonElement root, int length, string id)
    {
        if (length != 4)
            return Reject(id, OcppErrorCode.RpcFrameworkError, $"A CALL has 4 elements, this one has {length}.");
        if (root[2].ValueKind != JsonValueKind.String || root[2].GetString()!.Length == 0)
            return Reject(id, OcppErrorCode.RpcFrameworkError, "CALL action is missing or not a string.");
        if (root[3].ValueKind != JsonValueKind.Object)
            return Reject(id, OcppErrorCode.FormatViolation, "CALL payload is not a JSON object.");

        return FrameParseResult.Valid(new CallFrame(id, root[2].GetString()!, root[3]));
    }

    private static FrameParseResult ParseCallResult(JsonElement root, int length, string id)
    {
        if (length != 3)
            return FrameParseResult.Dropped($"A CALLRESULT has 3 elements, this one has {length}.");
        if (root[2].ValueKind != JsonValueKind.Object)
            return FrameParseResult.Dropped("CALLRESULT payload is not a JSON object.");

        return FrameParseResult.Valid(new CallResultFrame(id, root[2]));
    }

    private static FrameParseResult ParseCallError(JsonElement root, int length, string id)
    {
        if (length != 5)
            return FrameParseResult.Dropped($"A CALLERROR has 5 elements, this one has {length}.");
        if (root[2].ValueKind != JsonValueKind.String || root[3].ValueKind != JsonValueKind.String)
            return FrameParseResult.Dropped("CALLERROR code or description is not a string.");
        if (root[4].ValueKind != JsonValueKind.Object)
            return FrameParseResult.Dropped("CALLERROR details are not a JSON object.");

        return FrameParseResult.Valid(new CallErrorFrame(id, root[2].GetString()!, root[3].GetString()!, root[4]));
    }

    /// <summary>The frame's id when it is a usable one, else "-1".</summary>
    private static string ReadableId(JsonElement root, int length) =>
        length >= 2
        && root[1].ValueKind == JsonValueKind.String
        && root[1].GetString() is { Length: > 0 and <= OcppFrame.MaxMessageIdLength } id
            ? id
            : OcppFrame.UnreadableMessageId;

    private static FrameParseResult Reject(string id, OcppErrorCode code, string description) =>
        FrameParseResult.Answer(CallErrorFrame.Create(id, code, description));
}
