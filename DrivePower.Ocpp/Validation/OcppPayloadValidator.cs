using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// Checks a JSON payload against the contract of an OCPP record, as the official OCPP 2.0.1 JSON
/// schemas (draft-06) would: the rules are read once per record type from its source-generated
/// <see cref="JsonTypeInfo"/> (names, required-ness, CLR types, <c>[OcppMaxLength]</c>,
/// <c>[OcppItems]</c>, <c>[OcppMinimum]</c>) and cached. Thread-safe.
/// </summary>
/// <remarks>
/// Error codes, as OCPP-J defines them:
/// <list type="bullet">
/// <item>payload not an object, unknown property (additionalProperties false; only customData is open) → FormatViolation</item>
/// <item>missing required property, too few or too many array items → OccurrenceConstraintViolation</item>
/// <item>wrong JSON type, including null, a non-integer for an integer, a string that is not an RFC 3339 date-time → TypeConstraintViolation</item>
/// <item>enum value not allowed (exact, case-sensitive), string longer than maxLength (in code points),
/// number below its minimum or beyond what this implementation can hold (32-bit integer, decimal),
/// a string or property name holding U+0000 (NUL) anywhere in the payload → PropertyConstraintViolation</item>
/// </list>
/// Properties the schema leaves untyped (DataTransfer <c>data</c>, a <see cref="JsonElement"/>) accept any value, null included,
/// but for U+0000 in their strings.
/// </remarks>
public sealed class OcppPayloadValidator
{
    /// <summary>At most this many violations are reported for one payload.</summary>
    public const int MaxViolations = 32;

    private readonly ConcurrentDictionary<(JsonSerializerOptions Options, Type Type), ObjectRule> _rules = new();
    private readonly Lock _buildGate = new();

    public static OcppPayloadValidator Shared { get; } = new();

    /// <summary>Every violation of <paramref name="contract"/> in <paramref name="payload"/>; empty when it conforms.</summary>
    public IReadOnlyList<OcppViolation> Validate(JsonTypeInfo contract, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var rule = RuleFor(contract);
        // One context per thread, reused: validation runs to its end without awaiting, and every
        // message is validated, so a new context (and its path list) per message would be garbage.
        var context = t_context ?? new ValidationContext();
        t_context = null;
        try
        {
            if (payload.ValueKind != JsonValueKind.Object)
                context.Report(Frames.OcppErrorCode.FormatViolation, $"payload must be a JSON object, not {ValidationContext.KindName(payload.ValueKind)}");
            else
                rule.Check(payload, context);
            return context.Violations;
        }
        finally
        {
            context.Reset();
            t_context = context;
        }
    }

    [ThreadStatic]
    private static ValidationContext? t_context;

    /// <summary>The rule of a record's contract, built once (the schema export reads the same rules).</summary>
    internal ObjectRule RuleFor(JsonTypeInfo contract)
    {
        if (_rules.TryGetValue((contract.Options, contract.Type), out var rule))
            return rule;

        lock (_buildGate)
        {
            if (_rules.TryGetValue((contract.Options, contract.Type), out rule))
                return rule;

            var builder = new RuleBuilder(contract.Options, type => _rules.GetValueOrDefault((contract.Options, type)));
            rule = builder.BuildObject(contract);
            foreach (var (type, objectRule) in builder.Objects)
                _rules.TryAdd((contract.Options, type), objectRule);
            return rule;
        }
    }
}
