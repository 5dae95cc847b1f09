using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// JSON Schemas (draft 2020-12, the dialect OpenAPI 3.1 embeds) of OCPP payloads, written from the
/// very rules <see cref="OcppPayloadValidator"/> checks with, so that schema and validation cannot
/// disagree: <c>type</c>, <c>properties</c> in declaration order, <c>required</c>, <c>enum</c> (wire
/// names), <c>maxLength</c>, <c>minimum</c>, integers as 32-bit (<c>format: int32</c> with its bounds),
/// <c>items</c>, <c>minItems</c>/<c>maxItems</c>, <c>format: date-time</c>, and
/// <c>additionalProperties: false</c> on every object but customData. Not expressed: U+0000 is refused
/// in every string and property name, and a number beyond the decimal range is refused.
/// </summary>
public static class OcppJsonSchema
{
    /// <summary>The dialect the schemas are written in.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly ConcurrentDictionary<JsonTypeInfo, JsonObject> Cache = new();

    /// <summary>The schema of the action's CALL payload; a fresh copy the caller may change.</summary>
    public static JsonObject RequestSchema(this OcppAction action) => For(action.Request);

    /// <summary>The schema of the action's CALLRESULT payload; a fresh copy the caller may change.</summary>
    public static JsonObject ResponseSchema(this OcppAction action) => For(action.Response);

    /// <summary>The schema of a record's contract (one of <see cref="OcppJsonContext"/>'s); a fresh copy.</summary>
    public static JsonObject For(JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var schema = Cache.GetOrAdd(contract, static c => Write(OcppPayloadValidator.Shared.RuleFor(c), []));
        lock (schema)
            return (JsonObject)schema.DeepClone();
    }

    private static JsonObject Write(ValueRule rule, HashSet<ObjectRule> enclosing) => rule switch
    {
        ObjectRule objectRule => WriteObject(objectRule, enclosing),
        ArrayRule array => WriteArray(array, enclosing),
        StringRule { MaxLength: { } maxLength } => new() { ["type"] = "string", ["maxLength"] = maxLength },
        StringRule => new() { ["type"] = "string" },
        DateTimeRule => new() { ["type"] = "string", ["format"] = "date-time" },
        EnumRule enumRule => new() { ["type"] = "string", ["enum"] = new JsonArray([.. enumRule.Names.Select(name => JsonValue.Create(name))]) },
        NumberRule { IsInteger: true } integer => new()
        {
            ["type"] = "integer",
            ["format"] = "int32",
            ["minimum"] = Number(integer.Minimum ?? int.MinValue),
            ["maximum"] = int.MaxValue,
        },
        NumberRule { Minimum: { } minimum } => new() { ["type"] = "number", ["minimum"] = Number(minimum) },
        NumberRule => new() { ["type"] = "number" },
        BooleanRule => new() { ["type"] = "boolean" },
        AnyRule => new(), // untyped in the OCPP schema (DataTransfer data): any value
        _ => throw new NotSupportedException($"No JSON Schema is written for {rule.GetType().Name}."),
    };

    private static JsonObject WriteObject(ObjectRule rule, HashSet<ObjectRule> enclosing)
    {
        var schema = new JsonObject { ["title"] = rule.TypeName, ["type"] = "object" };
        if (!enclosing.Add(rule))
        {
            // No OCPP 2.0.1 type contains itself; should one, the schema stays finite.
            schema["description"] = $"A {rule.TypeName} (contains itself; described above).";
            return schema;
        }

        var properties = new JsonObject();
        foreach (var property in rule.Properties)
            properties[property.Name] = Write(property.Value, enclosing);
        enclosing.Remove(rule);

        schema["properties"] = properties;
        var required = rule.Properties.Where(property => property.IsRequired).Select(property => JsonValue.Create(property.Name)).ToArray();
        if (required.Length > 0)
            schema["required"] = new JsonArray(required);
        schema["additionalProperties"] = rule.AllowsAdditionalProperties; // true only for customData
        return schema;
    }

    private static JsonObject WriteArray(ArrayRule rule, HashSet<ObjectRule> enclosing)
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = Write(rule.Items, enclosing) };
        if (rule.MinItems > 0)
            schema["minItems"] = rule.MinItems;
        if (rule.MaxItems < int.MaxValue)
            schema["maxItems"] = rule.MaxItems;
        return schema;
    }

    /// <summary>A whole number as an integer literal (<c>0</c>, not <c>0.0</c>).</summary>
    private static JsonValue Number(decimal value) =>
        value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value);
}
