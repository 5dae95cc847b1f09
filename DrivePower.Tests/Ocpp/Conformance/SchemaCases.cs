using System.Text.Json.Nodes;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Tests.Ocpp.Conformance;

/// <summary>
/// A payload made from an official schema and what the schema says of it: valid (<see cref="Expected"/>
/// null) or broken in exactly one place, with the CALLERROR code and path the validator must report.
/// </summary>
internal sealed record SchemaCase(string What, JsonNode Payload, (OcppErrorCode Code, string Path)? Expected);

/// <summary>
/// Every case an official schema gives: a payload with every property and one with only the required
/// ones (valid), then, for each value in the full payload, the edges of each constraint on it: each enum
/// value and one not in the enum, a string of maxLength and one longer, a fraction for an integer, the
/// minimum and below it, maxItems and one more, minItems and one fewer, a value of the wrong JSON type,
/// a required property left out, an unknown property added.
/// </summary>
internal static class SchemaCases
{
    private const string ValidDateTime = "2025-06-01T12:00:00Z";
    private const int ManyItems = 300; // where the schema sets no maxItems, this many must pass
    private const int LongString = 2000; // where the schema sets no maxLength, this long must pass

    public static IEnumerable<SchemaCase> For(SchemaNode schema)
    {
        var full = Build(schema, requiredOnly: false);
        yield return new SchemaCase("every property", full, null);
        yield return new SchemaCase("required properties only", Build(schema, requiredOnly: true), null);
        foreach (var @case in Around(schema, full, [], required: true, isRoot: true))
            yield return @case;
    }

    private static JsonNode Build(SchemaNode node, bool requiredOnly)
    {
        if (node.Enum is { } values)
            return JsonValue.Create(values[0]);
        switch (node.Type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property, required) in node.Properties)
                {
                    if (required || !requiredOnly)
                        result[name] = Build(property, requiredOnly);
                }

                return result;
            case "array":
                var array = new JsonArray();
                for (var i = 0; i < Math.Max(1, node.MinItems ?? 0); i++)
                    array.Add(Build(node.Items, requiredOnly));
                return array;
            case "string":
                return JsonValue.Create(node.IsDateTime ? ValidDateTime : "a");
            case "integer":
                return JsonValue.Create(Math.Max(1, (int)(node.Minimum ?? 1)));
            case "number":
                return JsonValue.Create(Math.Max(1.5m, node.Minimum ?? 1.5m));
            case "boolean":
                return JsonValue.Create(true);
            default:
                return JsonNode.Parse("""{"free":[1,"form",null]}""")!;
        }
    }

    private static IEnumerable<SchemaCase> Around(SchemaNode node, JsonNode full, object[] path, bool required, bool isRoot = false)
    {
        var at = Render(path);
        SchemaCase Valid(string what, JsonNode? value) => new($"{at}: {what}", Replace(full, path, value), null);
        SchemaCase Broken(string what, JsonNode? value, OcppErrorCode code, string? where = null) =>
            new($"{at}: {what}", Replace(full, path, value), (code, where ?? at));

        if (!isRoot && required)
            yield return new SchemaCase($"{at}: required, left out", Remove(full, path), (OcppErrorCode.OccurrenceConstraintViolation, at));
        if (!isRoot && node.Type is { } type)
            yield return Broken($"a {WrongKindName(type)} instead of {type}", WrongKind(type), OcppErrorCode.TypeConstraintViolation);

        if (node.Enum is { } values)
        {
            foreach (var value in values)
                yield return Valid($"enum value {value}", JsonValue.Create(value));
            yield return Broken("a string not in the enum", JsonValue.Create("NotAnEnumValue"), OcppErrorCode.PropertyConstraintViolation);
            yield break;
        }

        switch (node.Type)
        {
            case "string" when node.IsDateTime:
                yield return Broken("not a date-time", JsonValue.Create("2025-13-01T00:00:00Z"), OcppErrorCode.TypeConstraintViolation);
                break;
            case "string" when node.MaxLength is { } max:
                yield return Valid($"{max} characters (maxLength)", JsonValue.Create(new string('a', max)));
                yield return Broken($"{max + 1} characters (maxLength {max})", JsonValue.Create(new string('a', max + 1)), OcppErrorCode.PropertyConstraintViolation);
                break;
            case "string":
                yield return Valid($"{LongString} characters (no maxLength)", JsonValue.Create(new string('a', LongString)));
                break;
            case "integer":
                yield return Broken("a number with a fraction", JsonValue.Create(1.5m), OcppErrorCode.TypeConstraintViolation);
                yield return Valid("a negative integer unless a minimum says otherwise", JsonValue.Create((int)(node.Minimum ?? -7)));
                if (node.Minimum is { } minimum)
                    yield return Broken($"below minimum {minimum}", JsonValue.Create((int)minimum - 1), OcppErrorCode.PropertyConstraintViolation);
                break;
            case "number":
                yield return Valid("a number with a fraction", JsonValue.Create(Math.Max(node.Minimum ?? -2.25m, 2.25m)));
                if (node.Minimum is { } least)
                    yield return Broken($"below minimum {least}", JsonValue.Create(least - 0.5m), OcppErrorCode.PropertyConstraintViolation);
                break;
            case "object":
                var name = "notInTheSchema";
                if (node.AllowsAdditionalProperties)
                    yield return new SchemaCase($"{at}: an extra property (additionalProperties allowed)", Add(full, path, name), null);
                else
                    yield return new SchemaCase($"{at}: an extra property (additionalProperties false)", Add(full, path, name), (OcppErrorCode.FormatViolation, Render([.. path, name])));
                foreach (var (property, child, isRequired) in node.Properties)
                {
                    foreach (var @case in Around(child, full, [.. path, property], isRequired))
                        yield return @case;
                }

                break;
            case "array":
                var item = At(full, [.. path, 0])!;
                if (node.MaxItems is { } maxItems)
                {
                    yield return Valid($"{maxItems} items (maxItems)", Repeat(item, maxItems));
                    yield return Broken($"{maxItems + 1} items (maxItems {maxItems})", Repeat(item, maxItems + 1), OcppErrorCode.OccurrenceConstraintViolation);
                }
                else
                {
                    yield return Valid($"{ManyItems} items (no maxItems)", Repeat(item, ManyItems));
                }

                if (node.MinItems is { } minItems and > 0)
                    yield return Broken($"{minItems - 1} items (minItems {minItems})", Repeat(item, minItems - 1), OcppErrorCode.OccurrenceConstraintViolation);
                foreach (var @case in Around(node.Items, full, [.. path, 0], required: false, isRoot: false))
                    yield return @case;
                break;
            case null:
                yield return Valid("null (the schema leaves it untyped)", null);
                break;
        }
    }

    private static string WrongKindName(string type) => type is "string" ? "number" : "string";

    private static JsonNode WrongKind(string type) => type is "string" ? JsonValue.Create(1) : JsonValue.Create("1");

    private static JsonArray Repeat(JsonNode item, int count) => [.. Enumerable.Range(0, count).Select(_ => item.DeepClone())];

    public static string Render(IEnumerable<object> path) =>
        "$" + string.Concat(path.Select(segment => segment is int index ? $"[{index}]" : $".{segment}"));

    private static JsonNode? At(JsonNode root, object[] path)
    {
        var node = root;
        foreach (var segment in path)
            node = segment is int index ? node!.AsArray()[index] : node!.AsObject()[(string)segment];
        return node;
    }

    private static JsonNode Replace(JsonNode full, object[] path, JsonNode? value) =>
        Edit(full, path, (parent, last) =>
        {
            if (last is int index)
                parent.AsArray()[index] = value;
            else
                parent.AsObject()[(string)last] = value;
        });

    private static JsonNode Remove(JsonNode full, object[] path) =>
        Edit(full, path, (parent, last) => parent.AsObject().Remove((string)last));

    private static JsonNode Add(JsonNode full, object[] path, string name)
    {
        var copy = full.DeepClone();
        At(copy, path)!.AsObject()[name] = "x";
        return copy;
    }

    private static JsonNode Edit(JsonNode full, object[] path, Action<JsonNode, object> edit)
    {
        var copy = full.DeepClone();
        edit(At(copy, path[..^1])!, path[^1]);
        return copy;
    }
}
