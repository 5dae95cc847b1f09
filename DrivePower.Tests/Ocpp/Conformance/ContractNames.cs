using System.Text.Json.Serialization.Metadata;

namespace DrivePower.Tests.Ocpp.Conformance;

/// <summary>
/// Walks a record's JSON contract beside its official schema and names each property the record has
/// and the schema does not (a payload made from the schema never holds one, so only this finds it).
/// </summary>
internal static class ContractNames
{
    public static IEnumerable<string> NotInSchema(JsonTypeInfo contract, SchemaNode schema) => Walk(contract, schema, "$");

    private static IEnumerable<string> Walk(JsonTypeInfo contract, SchemaNode schema, string path)
    {
        if (contract.Kind == JsonTypeInfoKind.Enumerable && contract.ElementType is { } element && schema.Type == "array")
        {
            foreach (var finding in Walk(contract.Options.GetTypeInfo(element), schema.Items, path + "[0]"))
                yield return finding;
            yield break;
        }

        if (contract.Kind != JsonTypeInfoKind.Object || schema.Type != "object")
            yield break;

        var properties = schema.Properties.ToDictionary(property => property.Name, property => property.Node, StringComparer.Ordinal);
        foreach (var property in contract.Properties.Where(property => !property.IsExtensionData))
        {
            if (!properties.TryGetValue(property.Name, out var child))
            {
                yield return $"{path}.{property.Name}: the record ({contract.Type.Name}) has this property, the schema does not";
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            foreach (var finding in Walk(contract.Options.GetTypeInfo(type), child, $"{path}.{property.Name}"))
                yield return finding;
        }
    }
}
