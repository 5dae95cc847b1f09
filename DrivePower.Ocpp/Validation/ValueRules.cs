using System.Collections.Frozen;
using System.Text.Json;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

/// <summary>What one JSON value must be. Null is a type error for every rule but <see cref="AnyRule"/>.</summary>
internal abstract class ValueRule
{
    public virtual void Check(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != ExpectedKind && !(ExpectedKind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            context.Report(OcppErrorCode.TypeConstraintViolation, $"expected {Expected}, got {ValidationContext.KindName(value.ValueKind)}");
            return;
        }

        CheckValue(value, context);
    }

    /// <summary>The JSON kind this rule accepts (<see cref="JsonValueKind.True"/> stands for both booleans).</summary>
    protected abstract JsonValueKind ExpectedKind { get; }

    protected abstract string Expected { get; }

    protected virtual void CheckValue(JsonElement value, ValidationContext context)
    {
    }
}

/// <summary>
/// A property the schema leaves untyped (DataTransfer data, customData's own properties): any JSON
/// value, as long as no string or property name in it holds U+0000.
/// </summary>
internal sealed class AnyRule : ValueRule
{
    public static AnyRule Instance { get; } = new();

    protected override JsonValueKind ExpectedKind => JsonValueKind.Undefined;

    protected override string Expected => "any value";

    public override void Check(JsonElement value, ValidationContext context)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                NulRule.Check(value, context);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    context.Enter(index++);
                    Check(item, context);
                    context.Leave();
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    CheckProperty(property, context);
                break;
        }
    }

    /// <summary>A property of an open object: its name and its value.</summary>
    public void CheckProperty(JsonProperty property, ValidationContext context)
    {
        if (context.IsFull)
            return;
        context.Enter(property.Name);
        NulRule.Check(property.Name, context);
        Check(property.Value, context);
        context.Leave();
    }
}

/// <summary>
/// No OCPP string may hold U+0000: the JSON allows it, but no station means it, and PostgreSQL (text
/// and jsonb alike) cannot store it. It is a value outside what the field may hold, so
/// PropertyConstraintViolation (syntactically correct, invalid value), not FormatViolation.
/// </summary>
internal static class NulRule
{
    private const string Message = "contains U+0000 (NUL), which no string may hold";

    public static void Check(string text, ValidationContext context)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
            context.Report(OcppErrorCode.PropertyConstraintViolation, Message);
    }

    public static void Check(JsonElement text, ValidationContext context)
    {
        if (RawJsonString.HoldsNul(text))
            context.Report(OcppErrorCode.PropertyConstraintViolation, Message);
    }
}

internal sealed class BooleanRule : ValueRule
{
    public static BooleanRule Instance { get; } = new();

    protected override JsonValueKind ExpectedKind => JsonValueKind.True;

    protected override string Expected => "boolean";
}

internal sealed class StringRule(int? maxLength) : ValueRule
{
    public int? MaxLength => maxLength;

    protected override JsonValueKind ExpectedKind => JsonValueKind.String;

    protected override string Expected => "string";

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        NulRule.Check(value, context);
        if (maxLength is { } max && RawJsonString.CodePoints(value) > max)
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"exceeds maxLength {max}");
    }
}

internal sealed class DateTimeRule : ValueRule
{
    public static DateTimeRule Instance { get; } = new();

    protected override JsonValueKind ExpectedKind => JsonValueKind.String;

    protected override string Expected => "string (date-time)";

    /// <summary>Longer than any date-time with fractional seconds to the nanosecond and an offset.</summary>
    private const int MaxLength = 64;

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        if (!Rfc3339.IsDateTime(RawJsonString.Decode(value, stackalloc char[MaxLength])))
            context.Report(OcppErrorCode.TypeConstraintViolation, "not an RFC 3339 date-time");
    }
}

internal sealed class EnumRule(string typeName, IReadOnlyList<string> wireNames) : ValueRule
{
    private readonly FrozenSet<string> _names = wireNames.ToFrozenSet(StringComparer.Ordinal);
    private readonly int _longestName = wireNames.Max(name => name.Length);

    /// <summary>The wire names in declaration order.</summary>
    public IReadOnlyList<string> Names => wireNames;

    protected override JsonValueKind ExpectedKind => JsonValueKind.String;

    protected override string Expected => $"string ({typeName})";

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        var text = RawJsonString.Decode(value, stackalloc char[_longestName + 1]);
        if (!_names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"not one of the {_names.Count} values of {typeName} (case-sensitive)");
    }
}

/// <summary>
/// A schema "number" (held as decimal) or "integer": a number with no fractional part, as draft-06
/// has it (3.0 is an integer), here one that fits 32 bits.
/// </summary>
internal sealed class NumberRule(bool isInteger, decimal? minimum) : ValueRule
{
    public bool IsInteger => isInteger;

    public decimal? Minimum => minimum;

    protected override JsonValueKind ExpectedKind => JsonValueKind.Number;

    protected override string Expected => isInteger ? "integer" : "number";

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        if (!value.TryGetDecimal(out var number))
            context.Report(OcppErrorCode.PropertyConstraintViolation, "number beyond the supported range");
        else if (isInteger && number != decimal.Truncate(number))
            context.Report(OcppErrorCode.TypeConstraintViolation, "expected integer, got a number with a fraction");
        else if (isInteger && number is < int.MinValue or > int.MaxValue)
            context.Report(OcppErrorCode.PropertyConstraintViolation, "integer beyond the supported 32-bit range");
        else if (number < minimum)
            context.Report(OcppErrorCode.PropertyConstraintViolation, $"below minimum {minimum}");
    }
}

internal sealed class ArrayRule(ValueRule items, int minItems, int maxItems) : ValueRule
{
    public ValueRule Items => items;

    public int MinItems => minItems;

    /// <summary><see cref="int.MaxValue"/> when the schema sets no maxItems.</summary>
    public int MaxItems => maxItems;

    protected override JsonValueKind ExpectedKind => JsonValueKind.Array;

    protected override string Expected => "array";

    protected override void CheckValue(JsonElement value, ValidationContext context)
    {
        var count = value.GetArrayLength();
        if (count < minItems)
            context.Report(OcppErrorCode.OccurrenceConstraintViolation, $"has {count} items, minItems is {minItems}");
        else if (count > maxItems)
            context.Report(OcppErrorCode.OccurrenceConstraintViolation, $"has {count} items, maxItems is {maxItems}");

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (context.IsFull)
                return;
            context.Enter(index++);
            items.Check(item, context);
            context.Leave();
        }
    }
}
