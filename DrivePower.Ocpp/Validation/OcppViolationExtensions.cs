using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

public static class OcppViolationExtensions
{
    /// <summary>
    /// The CALLERROR answering a CALL with these violations: the first one's code and description,
    /// with a count of the others when it fits in the 255 characters.
    /// </summary>
    public static CallErrorFrame ToCallError(this IReadOnlyList<OcppViolation> violations, string messageId)
    {
        if (violations.Count == 0)
            throw new ArgumentException("There is no violation to answer.", nameof(violations));

        var first = violations[0];
        var suffix = violations.Count > 1 ? $" (and {violations.Count - 1} more)" : "";
        var description = first.Description;
        if (description.Length + suffix.Length <= CallErrorFrame.MaxDescriptionLength)
            description += suffix;
        return CallErrorFrame.Create(messageId, first.Code, description);
    }
}
