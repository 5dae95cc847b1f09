using System.Collections.Frozen;
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
    private FrozenDictionary<string, PropertyRule> _properties = FrozenDictionary<string, PropertyRule>.Empty;
    private PropertyRule[] _declared = [];
    private string[] _required = [];
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
        _properties = _declared.ToFrozenDictionary(property => property.Name, StringComparer.Ordinal);
        _required = [.. _declared.Where(property => property.IsRequired).Select(property => property.Name)];
        _allowsAdditionalProperties = allowsAdditionalProperties;
    }

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (context.IsFull)
                return;
            if (_properties.TryGetValue(property.Name, out var rule))
            {
                context.Enter(property.Name);
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

        foreach (var name in _required)
        {
            if (!value.TryGetProperty(name, out _))
                context.Report(name, OcppErrorCode.OccurrenceConstraintViolation, "required property is missing");
        }
    }
}
