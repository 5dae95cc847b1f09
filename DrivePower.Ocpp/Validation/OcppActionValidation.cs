using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Ocpp.Validation;

/// <summary>Validation of an action's payloads, inbound (as received) and outbound (what we are about to send).</summary>
public static class OcppActionValidation
{
    /// <summary>Violations of the action's request contract in a CALL payload.</summary>
    public static IReadOnlyList<OcppViolation> ValidateRequest(this OcppAction action, JsonElement payload) =>
        OcppPayloadValidator.Shared.Validate(action.Request, payload);

    /// <summary>Violations of the action's response contract in a CALLRESULT payload.</summary>
    public static IReadOnlyList<OcppViolation> ValidateResponse(this OcppAction action, JsonElement payload) =>
        OcppPayloadValidator.Shared.Validate(action.Response, payload);

    /// <summary>
    /// Violations in a message we are about to send: the record is serialized as it would go on the
    /// wire, then checked like an inbound payload (a record can break its schema, e.g. a string too long).
    /// </summary>
    public static IReadOnlyList<OcppViolation> ValidateOutbound<T>(T message, JsonTypeInfo<T> contract) =>
        OcppPayloadValidator.Shared.Validate(contract, JsonSerializer.SerializeToElement(message, contract));

    /// <inheritdoc cref="ValidateOutbound{T}(T, JsonTypeInfo{T})"/>
    public static IReadOnlyList<OcppViolation> ValidateOutbound<T>(T message) =>
        ValidateOutbound(message, OcppJson.TypeInfo<T>());
}
