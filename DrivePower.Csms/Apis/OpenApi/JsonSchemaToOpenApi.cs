using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DrivePower.Csms.Apis.OpenApi;

/// <summary>
/// An OCPP payload schema (<c>OcppJsonSchema</c>, JSON Schema draft 2020-12) as
/// an OpenAPI 3.1 schema object, keyword for keyword: the OpenAPI document describes each command with
/// the very schema the CSMS validates against.
/// </summary>
internal static class JsonSchemaToOpenApi
{
    public static OpenApiSchema Convert(JsonElement schema)
    {
        var result = new OpenApiSchema();
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "title": result.Title = value.GetString(); break;
                case "description": result.Description = value.GetString(); break;
                case "type": result.Type = Type(value.GetString()); break;
                case "format": result.Format = value.GetString(); break;
                case "maxLength": result.MaxLength = value.GetInt32(); break;
                case "minimum": result.Minimum = value.GetRawText(); break;
                case "maximum": result.Maximum = value.GetRawText(); break;
                case "minItems": result.MinItems = value.GetInt32(); break;
                case "maxItems": result.MaxItems = value.GetInt32(); break;
                case "items": result.Items = Convert(value); break;
                case "enum": result.Enum = [.. value.EnumerateArray().Select(item => JsonNode.Parse(item.GetRawText())!)]; break;
                case "required": result.Required = new HashSet<string>(value.EnumerateArray().Select(item => item.GetString()!), StringComparer.Ordinal); break;
                case "additionalProperties": result.AdditionalPropertiesAllowed = value.GetBoolean(); break;
                case "properties":
                    result.Properties = value.EnumerateObject().ToDictionary(p => p.Name, p => (IOpenApiSchema)Convert(p.Value), StringComparer.Ordinal);
                    break;
                default:
                    throw new NotSupportedException($"The JSON Schema keyword '{keyword.Name}' has no OpenAPI translation here.");
            }
        }

        return result;
    }

    private static JsonSchemaType Type(string? type) => type switch
    {
        "object" => JsonSchemaType.Object,
        "array" => JsonSchemaType.Array,
        "string" => JsonSchemaType.String,
        "integer" => JsonSchemaType.Integer,
        "number" => JsonSchemaType.Number,
        "boolean" => JsonSchemaType.Boolean,
        _ => throw new NotSupportedException($"The JSON Schema type '{type}' has no OpenAPI translation here."),
    };
}
