using System.Text.Json;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

/// <summary>One property of an object: its wire name, whether it must be present, and what its value must be.</summary>
internal sealed record PropertyRule(string Name, bool IsRequired, ValueRule Value);

/// <summary>
/// An OCPP object: known properties only (additionalProperties false) unless it is open like
/// customData (whose own properties are any value free of U+0000), every required property present. Filled in once by <see cref="RuleBuilder"/>.
/// </summary>
internal sealed class ObjectRule(string typeName) : ValueRule
{
    private PropertyRule[] _declared = [];
    private byte[][] _utf8Names = [];
    private int[] _required = [];
    private bool _allowsAdditionalProperties;

    /// <summary>The record's name (<c>IdToken</c>), for messages and the schema's title.</summary>
    public string TypeName => typeName;

    /// <summary>The properties in declaration order (the schema export lists them so).</summary>
    public IReadOnlyList<PropertyRule> Properties => _declared;

    /// <summary>True for an open object (customData): other properties are any value.</summary>
    public bool AllowsAdditionalProperties => _allowsAdditionalProperties;

    protected override JsonValueKind ExpectedKind => JsonValueKind.Object;

    protected override string Expected => $"object ({typeName})";

    public void Define(IEnumerable<PropertyRule> properties, bool allowsAdditionalProperties)
    {
        _declared = [.. properties];
        _utf8Names = [.. _declared.Select(property => System.Text.Encoding.UTF8.GetBytes(property.Name))];
        _required = [.. Enumerable.Range(0, _declared.Length).Where(index => _declared[index].IsRequired)];
        _allowsAdditionalProperties = allowsAdditionalProperties;
    }

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        // Which declared properties were seen (the first 64; OCPP objects have fewer), so the required
        // ones need no second search.
        var seen = 0UL;
        foreach (var property in value.EnumerateObject())
        {
            if (context.IsFull)
                return;
            var index = IndexOf(property);
            if (index >= 0)
            {
                seen |= index < 64 ? 1UL << index : 0;
                var rule = _declared[index];
                context.Enter(rule.Name);
                rule.Value.Check(property.Value, context);
                context.Leave();
            }
            else if (_allowsAdditionalProperties)
            {
                AnyRule.Instance.CheckProperty(property, context);
            }
            else
            {
                context.Report(property.Name, OcppErrorCode.FormatViolation, $"unknown property of {typeName}");
            }
        }

        foreach (var index in _required)
        {
            if ((index >= 64 || (seen & (1UL << index)) == 0) && !value.TryGetProperty(_utf8Names[index], out _))
                context.Report(_declared[index].Name, OcppErrorCode.OccurrenceConstraintViolation, "required property is missing");
        }
    }

    /// <summary>
    /// The declared property <paramref name="property"/> is, by its UTF-8 name (escapes understood),
    /// without making a string of the name; -1 when it is none of them. A few names each, so a scan.
    /// </summary>
    private int IndexOf(JsonProperty property)
    {
        for (var index = 0; index < _utf8Names.Length; index++)
        {
            if (property.NameEquals(_utf8Names[index]))
                return index;
        }

        return -1;
    }
}
