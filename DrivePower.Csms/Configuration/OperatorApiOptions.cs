using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// Who may use the operator API, section <c>Csms:OperatorApi</c> (environment
/// <c>Csms__OperatorApi__Keys__0</c>, <c>Csms__OperatorApi__RequireKey</c>).
/// </summary>
public sealed class OperatorApiOptions : IValidatableObject
{
    public const string SectionName = "Csms:OperatorApi";

    /// <summary>The header a client sends its key in.</summary>
    public const string KeyHeader = "X-Api-Key";

    public const int MinKeyLength = 16;

    /// <summary>The accepted keys (several, so one can be replaced without a gap); each at least 16 characters.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>
    /// Whether a request needs a key. Unset (the default): required whenever the CSMS listens beyond
    /// loopback, not on a loopback-only CSMS (local training stays frictionless).
    /// </summary>
    public bool? RequireKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Any(key => key.Trim().Length < MinKeyLength))
            yield return new ValidationResult($"every key must be at least {MinKeyLength} characters long (e.g. openssl rand -hex 32).", [nameof(Keys)]);
        if (RequireKey == true && Keys.Count == 0)
            yield return new ValidationResult("RequireKey is true but no key is configured: set Csms:OperatorApi:Keys:0 (Csms__OperatorApi__Keys__0).", [nameof(Keys)]);
    }
}
