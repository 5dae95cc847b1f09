using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrivePower.Csms.WebConsole.Schema;

/// <summary>
/// One field of a form generated from a JSON Schema (the subset OCPP payload schemas use: object, array, string with
/// maxLength/format/enum, integer, number, boolean, and {} for any value). The tree holds what the operator typed and
/// writes the payload from it; a value that is not what the schema wants (text in a number field) is written as
/// typed, so the validator names the problem at the field's JSON path instead of the form guessing.
/// </summary>
public abstract class FormNode(JsonObject schema, string path)
{
    public JsonObject Schema { get; } = schema;

    /// <summary>The JSON path of this value, as violations name it (<c>$.evse.id</c>, <c>$.items[0]</c>).</summary>
    public string Path { get; } = path;

    public string? Title => Schema["title"]?.GetValue<string>();

    public string? Description => Schema["description"]?.GetValue<string>();

    /// <summary>The value to send; null when it is left out.</summary>
    public abstract JsonNode? ToJson();

    public static FormNode Create(JsonObject schema, string path, JsonNode? value) => SchemaType(schema) switch
    {
        "object" => new ObjectFormNode(schema, path, value as JsonObject),
        "array" => new ArrayFormNode(schema, path, value as JsonArray),
        "string" or "integer" or "number" or "boolean" => new ValueFormNode(schema, path, value),
        _ => new AnyFormNode(schema, path, value),
    };

    public static string? SchemaType(JsonObject schema) => schema["type"] switch
    {
        JsonValue type when type.TryGetValue(out string? name) => name,
        _ => null,
    };
}

/// <summary>An object: its properties in schema order, required first-class; an optional object is included or not.</summary>
public sealed class ObjectFormNode : FormNode
{
    public ObjectFormNode(JsonObject schema, string path, JsonObject? value)
        : base(schema, path)
    {
        var required = (schema["required"] as JsonArray)?.Select(name => name?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, propertySchema) in (schema["properties"] as JsonObject) ?? [])
        {
            if (propertySchema is not JsonObject propertyObject)
                continue;
            var childPath = Path + (IsPlainName(name) ? "." + name : $"['{name}']");
            var current = value?[name];
            Properties.Add(new FormProperty(name, required.Contains(name), Create(propertyObject, childPath, current)) { Included = current is not null || required.Contains(name) });
        }
    }

    public List<FormProperty> Properties { get; } = [];

    public override JsonNode? ToJson()
    {
        var json = new JsonObject();
        foreach (var property in Properties.Where(property => property.IsSent))
        {
            if (property.Node.ToJson() is { } value)
                json[property.Name] = value;
        }

        return json;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

/// <summary>A property of an object form: whether it is required, and (optional objects and arrays) whether it is sent.</summary>
public sealed class FormProperty(string name, bool required, FormNode node)
{
    public string Name { get; } = name;

    public bool Required { get; } = required;

    public FormNode Node { get; } = node;

    /// <summary>For an optional object or array: whether the operator chose to send it.</summary>
    public bool Included { get; set; }

    /// <summary>Required ones always; an optional value when it is filled in; an optional object or array when included.</summary>
    public bool IsSent => Required || Node switch
    {
        ValueFormNode value => value.Text.Length > 0,
        AnyFormNode any => any.Text.Trim().Length > 0,
        _ => Included,
    };
}

/// <summary>An array: its items, each a form of the item schema; items can be added and removed within min/maxItems.</summary>
public sealed class ArrayFormNode : FormNode
{
    public ArrayFormNode(JsonObject schema, string path, JsonArray? value)
        : base(schema, path)
    {
        ItemSchema = schema["items"] as JsonObject ?? [];
        foreach (var item in value ?? [])
            Items.Add(Create(ItemSchema, ItemPath(Items.Count), item?.DeepClone()));
    }

    public JsonObject ItemSchema { get; }

    public List<FormNode> Items { get; } = [];

    public int MinItems => Schema["minItems"]?.GetValue<int>() ?? 0;

    public int? MaxItems => Schema["maxItems"]?.GetValue<int>();

    public bool CanAdd => MaxItems is not { } max || Items.Count < max;

    public void Add() => Items.Add(Create(ItemSchema, ItemPath(Items.Count), null));

    public void RemoveAt(int index)
    {
        Items.RemoveAt(index);
        // Paths follow positions: rebuild the later items under their new index.
        for (var i = index; i < Items.Count; i++)
            Items[i] = Create(ItemSchema, ItemPath(i), Items[i].ToJson());
    }

    public override JsonNode? ToJson() => new JsonArray([.. Items.Select(item => item.ToJson() ?? JsonValue.Create((string?)null))]);

    private string ItemPath(int index) => $"{Path}[{index}]";
}

/// <summary>A single value: text, a number, a choice of enum values, true/false; empty means left out.</summary>
public sealed class ValueFormNode : FormNode
{
    public ValueFormNode(JsonObject schema, string path, JsonNode? value)
        : base(schema, path)
    {
        Type = SchemaType(schema)!;
        Choices = (schema["enum"] as JsonArray)?.Select(choice => choice?.ToString()).OfType<string>().ToList();
        Text = value switch
        {
            null => "",
            JsonValue json when json.GetValueKind() == JsonValueKind.String => json.GetValue<string>(),
            _ => value.ToJsonString(),
        };
    }

    /// <summary>string, integer, number or boolean.</summary>
    public string Type { get; }

    /// <summary>The allowed values of an enum; null when any value of the type goes.</summary>
    public IReadOnlyList<string>? Choices { get; }

    public bool IsDateTime => Schema["format"]?.GetValue<string>() == "date-time";

    public int? MaxLength => Schema["maxLength"]?.GetValue<int>();

    public string Text { get; set; }

    public override JsonNode? ToJson()
    {
        if (Text.Length == 0)
            return Type == "string" && Choices is null ? JsonValue.Create("") : null; // a required value left empty: the validator says so
        return Type switch
        {
            "integer" when long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            "number" when decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "boolean" when bool.TryParse(Text, out var flag) => JsonValue.Create(flag),
            _ => JsonValue.Create(Text), // as typed: the validator says what is wrong with it
        };
    }
}

/// <summary>A value of any type ({} in the schema, e.g. DataTransfer's data): edited as JSON.</summary>
public sealed class AnyFormNode(JsonObject schema, string path, JsonNode? value) : FormNode(schema, path)
{
    public string Text { get; set; } = value?.ToJsonString() ?? "";

    /// <summary>Why <see cref="Text"/> is not JSON; null when it is (or is empty).</summary>
    public string? ParseError { get; private set; }

    public override JsonNode? ToJson()
    {
        ParseError = null;
        if (string.IsNullOrWhiteSpace(Text))
            return null;
        try
        {
            return JsonNode.Parse(Text);
        }
        catch (JsonException exception)
        {
            ParseError = $"Not JSON: {exception.Message}";
            return JsonValue.Create(Text);
        }
    }
}
