using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// The smallest payload a contract accepts, derived from the validator's rules (not written per
/// action): required properties only, strings named after their property (cut to maxLength), the
/// first enum value, numbers at their minimum or 0, minItems items, a fixed date-time.
/// </summary>
public static class OcppPayloadExample
{
    /// <summary>The date-time every example uses.</summary>
    public const string ExampleDateTime = "2026-01-01T00:00:00Z";

    /// <summary>A minimal valid CALL payload of the action.</summary>
    public static JsonObject ExampleRequest(this OcppAction action) => For(action.Request);

    /// <summary>A minimal valid CALLRESULT payload of the action.</summary>
    public static JsonObject ExampleResponse(this OcppAction action) => For(action.Response);

    /// <summary>A minimal valid payload of the contract; a fresh object.</summary>
    public static JsonObject For(JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return ObjectExample(OcppPayloadValidator.Shared.RuleFor(contract));
    }

    private static JsonObject ObjectExample(ObjectRule rule)
    {
        var example = new JsonObject();
        foreach (var property in rule.Properties.Where(property => property.IsRequired))
            example[property.Name] = Example(property.Value, property.Name);
        return example;
    }

    private static JsonNode Example(ValueRule rule, string name) => rule switch
    {
        ObjectRule objectRule => ObjectExample(objectRule),
        ArrayRule array => new JsonArray([.. Enumerable.Range(0, array.MinItems).Select(_ => Example(array.Items, name))]),
        StringRule { MaxLength: { } maxLength } when name.Length > maxLength => name[..maxLength],
        StringRule => name,
        DateTimeRule => ExampleDateTime,
        EnumRule enumRule => enumRule.Names[0],
        NumberRule { IsInteger: true } integer => (int)Math.Max(integer.Minimum ?? 0, 0),
        NumberRule number => Math.Max(number.Minimum ?? 0, 0),
        BooleanRule => false,
        _ => new JsonObject(), // any value will do
    };
}
