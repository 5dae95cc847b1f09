using System.Text.Json;

namespace DrivePower.Tests.Ocpp.Conformance;

/// <summary>One node of an official schema, its <c>$ref</c> resolved against the file's definitions.</summary>
internal readonly record struct SchemaNode(JsonElement Root, JsonElement Element)
{
    public static SchemaNode Of(JsonElement root) => new(root, root);

    public SchemaNode Resolve()
    {
        if (!Element.TryGetProperty("$ref", out var reference))
            return this;
        var name = reference.GetString()!["#/definitions/".Length..];
        return new SchemaNode(Root, Root.GetProperty("definitions").GetProperty(name)).Resolve();
    }

    /// <summary>The JSON type, or null when the schema leaves the value untyped (any value).</summary>
    public string? Type => Element.TryGetProperty("type", out var type) ? type.GetString() : null;

    public bool IsDateTime => Element.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "date-time";

    public IReadOnlyList<string>? Enum =>
        Element.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(value => value.GetString()!)] : null;

    public int? MaxLength => Number("maxLength");

    public int? MinItems => Number("minItems");

    public int? MaxItems => Number("maxItems");

    public decimal? Minimum => Element.TryGetProperty("minimum", out var minimum) ? minimum.GetDecimal() : null;

    public bool AllowsAdditionalProperties =>
        !Element.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False;

    public IEnumerable<(string Name, SchemaNode Node, bool Required)> Properties
    {
        get
        {
            var required = Element.TryGetProperty("required", out var names)
                ? names.EnumerateArray().Select(name => name.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            if (!Element.TryGetProperty("properties", out var properties))
                yield break;
            foreach (var property in properties.EnumerateObject())
                yield return (property.Name, new SchemaNode(Root, property.Value).Resolve(), required.Contains(property.Name));
        }
    }

    public SchemaNode Items => new SchemaNode(Root, Element.GetProperty("items")).Resolve();

    private int? Number(string keyword) => Element.TryGetProperty(keyword, out var value) ? value.GetInt32() : null;
}
