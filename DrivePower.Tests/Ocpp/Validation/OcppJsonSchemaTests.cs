using System.Text.Json;
using System.Text.Json.Nodes;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Tests.Ocpp.Validation;

public class OcppJsonSchemaTests
{
    public static TheoryData<string> Actions => [.. OcppActions.All.Select(action => action.Name)];

    [Fact]
    public void The_Reset_request_schema_requires_type_with_the_values_Immediate_and_OnIdle_and_no_other_property()
    {
        var schema = OcppActions.Find("Reset")!.RequestSchema();

        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.Equal(["type"], Strings(schema["required"]));
        Assert.Equal(["Immediate", "OnIdle"], Strings(schema["properties"]!["type"]!["enum"]));
        Assert.Equal("integer", schema["properties"]!["evseId"]!["type"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void A_nested_object_is_described_in_place_with_its_own_required_properties_and_limits()
    {
        var idToken = OcppActions.Find("RequestStartTransaction")!.RequestSchema()["properties"]!["idToken"]!;

        Assert.Equal("object", idToken["type"]!.GetValue<string>());
        Assert.Equal("IdToken", idToken["title"]!.GetValue<string>());
        Assert.Equal(["idToken", "type"], Strings(idToken["required"]));
        Assert.Equal(36, idToken["properties"]!["idToken"]!["maxLength"]!.GetValue<int>());
        Assert.Contains("ISO14443", Strings(idToken["properties"]!["type"]!["enum"]));
        var additionalInfo = idToken["properties"]!["additionalInfo"]!;
        Assert.Equal("array", additionalInfo["type"]!.GetValue<string>());
        Assert.Equal(1, additionalInfo["minItems"]!.GetValue<int>());
        Assert.Equal(["additionalIdToken", "type"], Strings(additionalInfo["items"]!["required"]));
    }

    [Fact]
    public void Date_times_are_strings_of_format_date_time_and_customData_is_the_one_open_object()
    {
        var schema = OcppActions.Find("BootNotification")!.ResponseSchema();

        Assert.Equal("date-time", schema["properties"]!["currentTime"]!["format"]!.GetValue<string>());
        var customData = schema["properties"]!["customData"]!;
        Assert.True(customData["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["vendorId"], Strings(customData["required"]));
    }

    [Fact]
    public void Each_call_returns_a_copy_the_caller_may_change()
    {
        var reset = OcppActions.Find("Reset")!;
        reset.RequestSchema()["required"] = new JsonArray();

        Assert.Equal(["type"], Strings(reset.RequestSchema()["required"]));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_derived_example_of_every_request_and_response_is_accepted_by_the_validator(string actionName)
    {
        var action = OcppActions.Find(actionName)!;

        Assert.Empty(action.ValidateRequest(Element(action.ExampleRequest())));
        Assert.Empty(action.ValidateResponse(Element(action.ExampleResponse())));
    }

    /// <summary>
    /// Every constraint the schema states, at every depth (optional properties included), is probed
    /// against the validator: a value at the limit is accepted, one past it refused, and the
    /// schema's type, required list and additionalProperties agree with what the validator does.
    /// </summary>
    [Theory]
    [MemberData(nameof(Actions))]
    public void The_validator_accepts_and_refuses_exactly_what_the_schema_says(string actionName)
    {
        var action = OcppActions.Find(actionName)!;
        var disagreements = new List<string>();

        foreach (var (written, contract) in new[] { (action.RequestSchema(), action.Request), (action.ResponseSchema(), action.Response) })
        {
            var schema = JsonNode.Parse(written.ToJsonString())!; // as a reader of the JSON sees it
            var example = SchemaExample.Full(schema);
            var probe = new SchemaProbe(contract, example, disagreements);
            probe.Expect(example, valid: true, "$ (every property filled in from the schema)");
            probe.Walk(schema, []);
        }

        Assert.Empty(disagreements);
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);

    /// <summary>Mutates one value of a valid payload the way the schema forbids (or allows) and asks the validator.</summary>
    private sealed class SchemaProbe(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, JsonObject example, List<string> disagreements)
    {
        public void Expect(JsonNode payload, bool valid, string what)
        {
            var violations = OcppPayloadValidator.Shared.Validate(contract, Element(payload));
            if ((violations.Count == 0) != valid)
                disagreements.Add($"{contract.Type.Name} {what}: schema says {(valid ? "valid" : "invalid")}, validator says {string.Join("; ", violations)}");
        }

        public void Walk(JsonNode schema, List<object> path)
        {
            var where = "$" + string.Concat(path.Select(step => step is int index ? $"[{index}]" : $".{step}"));
            switch (schema["type"]?.GetValue<string>())
            {
                case "object":
                    WalkObject(schema, path, where);
                    break;
                case "array":
                    if (schema["minItems"] is { } minItems && minItems.GetValue<int>() > 0)
                        Replace(path, new JsonArray(), valid: false, $"{where} with no items");
                    if (schema["maxItems"] is { } maxItems)
                        Replace(path, new JsonArray([.. Enumerable.Range(0, maxItems.GetValue<int>() + 1).Select(_ => SchemaExample.Of(schema["items"]!))]), valid: false, $"{where} over maxItems");
                    Replace(path, JsonValue.Create("text"), valid: false, $"{where} as a string");
                    Walk(schema["items"]!, [.. path, 0]);
                    break;
                case "string":
                    WalkString(schema, path, where);
                    break;
                case "integer":
                    Replace(path, JsonValue.Create(schema["minimum"]!.GetValue<long>()), valid: true, $"{where} at its minimum");
                    Replace(path, JsonValue.Create(schema["maximum"]!.GetValue<long>()), valid: true, $"{where} at its maximum");
                    Replace(path, JsonValue.Create(schema["minimum"]!.GetValue<long>() - 1), valid: false, $"{where} below its minimum");
                    Replace(path, JsonValue.Create(schema["maximum"]!.GetValue<long>() + 1), valid: false, $"{where} over its maximum");
                    Replace(path, JsonValue.Create(1.5m), valid: false, $"{where} with a fraction");
                    break;
                case "number":
                    if (schema["minimum"] is { } minimum)
                        Replace(path, JsonValue.Create(minimum.GetValue<decimal>() - 0.5m), valid: false, $"{where} below its minimum");
                    Replace(path, JsonValue.Create("1"), valid: false, $"{where} as a string");
                    break;
                case "boolean":
                    Replace(path, JsonValue.Create(1), valid: false, $"{where} as a number");
                    break;
            }
        }

        private void WalkObject(JsonNode schema, List<object> path, string where)
        {
            var open = schema["additionalProperties"]!.GetValue<bool>();
            Change(path, target => target.AsObject()["zzUnknown"] = 1, valid: open, $"{where} with an unknown property");
            var required = schema["required"]?.AsArray().Select(name => name!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                if (required.Contains(name))
                    Change(path, target => target.AsObject().Remove(name), valid: false, $"{where} without required {name}");
                else
                    Change(path, target => target.AsObject().Remove(name), valid: true, $"{where} without optional {name}");
                if (path.Count < 12)
                    Walk(property!, [.. path, name]);
            }
        }

        private void WalkString(JsonNode schema, List<object> path, string where)
        {
            Replace(path, JsonValue.Create(1), valid: false, $"{where} as a number");
            if (schema["enum"] is { } names)
            {
                foreach (var name in names.AsArray())
                    Replace(path, JsonValue.Create(name!.GetValue<string>()), valid: true, $"{where} = {name}");
                Replace(path, JsonValue.Create("NotAnEnumValue"), valid: false, $"{where} outside its enum");
            }
            else if (schema["format"]?.GetValue<string>() == "date-time")
            {
                Replace(path, JsonValue.Create("2026-13-01T00:00:00Z"), valid: false, $"{where} not a date-time");
            }
            else if (schema["maxLength"] is { } maxLength)
            {
                Replace(path, JsonValue.Create(new string('a', maxLength.GetValue<int>())), valid: true, $"{where} at maxLength");
                Replace(path, JsonValue.Create(new string('a', maxLength.GetValue<int>() + 1)), valid: false, $"{where} over maxLength");
            }
        }

        private void Replace(List<object> path, JsonNode value, bool valid, string what) =>
            Change(path[..^1], parent =>
            {
                if (path[^1] is int index)
                    parent.AsArray()[index] = value;
                else
                    parent.AsObject()[(string)path[^1]] = value;
            }, valid, what);

        private void Change(List<object> path, Action<JsonNode> change, bool valid, string what)
        {
            var copy = example.DeepClone();
            var target = path.Aggregate(copy, (node, step) => step is int index ? node[index]! : node[(string)step]!);
            change(target);
            Expect(copy, valid, what);
        }
    }

    /// <summary>A payload with every property the schema describes, built from the schema alone.</summary>
    private static class SchemaExample
    {
        public static JsonObject Full(JsonNode schema) => (JsonObject)Of(schema);

        /// <summary>A value of any schema: an object, an array, a string, a number.</summary>
        public static JsonNode Of(JsonNode schema) => Value(schema, "p", depth: 0);

        private static JsonNode Value(JsonNode schema, string name, int depth) => schema["type"]?.GetValue<string>() switch
        {
            "object" => Object(schema, depth),
            "array" => new JsonArray([.. Enumerable.Range(0, Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 1)).Select(_ => Value(schema["items"]!, name, depth + 1))]),
            "string" when schema["enum"] is { } names => names[0]!.GetValue<string>(),
            "string" when schema["format"]?.GetValue<string>() == "date-time" => "2026-02-03T04:05:06Z",
            "string" => name[..Math.Min(name.Length, schema["maxLength"]?.GetValue<int>() ?? name.Length)],
            "integer" => Math.Max(0, schema["minimum"]!.GetValue<long>()),
            "number" => Math.Max(0m, schema["minimum"]?.GetValue<decimal>() ?? 0m),
            "boolean" => true,
            _ => new JsonObject { ["any"] = "value" },
        };

        private static JsonObject Object(JsonNode schema, int depth)
        {
            var required = schema["required"]?.AsArray().Select(name => name!.GetValue<string>()).ToHashSet() ?? [];
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                if (depth < 12 || required.Contains(name))
                    result[name] = Value(property!, name, depth + 1);
            }

            return result;
        }
    }
}
