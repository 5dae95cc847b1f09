using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

// Placeholder with the agreed API until the schema validator lands (branch `messages`).
public sealed record OcppViolation(OcppErrorCode Code, string Path, string Message);

public sealed class OcppPayloadValidator
{
    public static OcppPayloadValidator Shared { get; } = new();

    public IReadOnlyList<OcppViolation> Validate(JsonTypeInfo contract, JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object ? [] : [new OcppViolation(OcppErrorCode.FormatViolation, "$", "payload is not an object")];
}
