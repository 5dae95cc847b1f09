using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// Derives validation rules from source-generated JSON metadata: property names and required-ness
/// from <see cref="JsonPropertyInfo"/>, limits from the <c>[OcppMaxLength]</c>, <c>[OcppItems]</c> and
/// <c>[OcppMinimum]</c> attributes, nested types through <see cref="JsonSerializerOptions.GetTypeInfo"/>.
/// Not thread-safe: one builder per build, under the validator's lock.
/// </summary>
internal sealed class RuleBuilder(JsonSerializerOptions options, Func<Type, ObjectRule?> known)
{
    private readonly Dictionary<Type, ObjectRule> _objects = [];

    public IReadOnlyDictionary<Type, ObjectRule> Objects => _objects;

    public ObjectRule BuildObject(JsonTypeInfo typeInfo)
    {
        if (known(typeInfo.Type) is { } existing)
            return existing;
        if (_objects.TryGetValue(typeInfo.Type, out var rule))
            return rule;
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            throw new NotSupportedException($"{typeInfo.Type.Name} is not a JSON object contract.");

        rule = new ObjectRule(typeInfo.Type.Name);
        _objects.Add(typeInfo.Type, rule); // before the properties, so a type may contain itself
        var allowsAdditional = false;
        var properties = new List<PropertyRule>();
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData)
                allowsAdditional = true;
            else
                properties.Add(new PropertyRule(property.Name, property.IsRequired, BuildValue(property.PropertyType, property.AttributeProvider)));
        }

        rule.Define(properties, allowsAdditional);
        return rule;
    }

    private ValueRule BuildValue(Type type, ICustomAttributeProvider? attributes)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return new StringRule(Attribute<OcppMaxLengthAttribute>(attributes)?.Length);
        if (type == typeof(int) || type == typeof(long))
            return new NumberRule(isInteger: true, Attribute<OcppMinimumAttribute>(attributes)?.Minimum);
        if (type == typeof(decimal) || type == typeof(double))
            return new NumberRule(isInteger: false, Attribute<OcppMinimumAttribute>(attributes)?.Minimum);
        if (type == typeof(bool))
            return BooleanRule.Instance;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return DateTimeRule.Instance;
        if (type == typeof(JsonElement))
            return AnyRule.Instance;
        if (type.IsEnum)
            return new EnumRule(type.Name, WireNames(type));

        var typeInfo = options.GetTypeInfo(type);
        if (typeInfo.Kind == JsonTypeInfoKind.Enumerable && typeInfo.ElementType is { } elementType)
        {
            var items = Attribute<OcppItemsAttribute>(attributes);
            return new ArrayRule(BuildValue(elementType, null), items?.Min ?? 0, items?.Max ?? int.MaxValue);
        }

        return BuildObject(typeInfo);
    }

    /// <summary>An enum's wire names: <see cref="JsonStringEnumMemberNameAttribute"/> where present, else the member name.</summary>
    private static string[] WireNames(Type enumType) =>
        [.. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name)];

    private static T? Attribute<T>(ICustomAttributeProvider? attributes) where T : Attribute =>
        attributes?.GetCustomAttributes(typeof(T), inherit: false).OfType<T>().FirstOrDefault();
}
