namespace DrivePower.Ocpp.Messages;

/// <summary>The schema's <c>minItems</c> / <c>maxItems</c> of an array property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OcppItemsAttribute : Attribute
{
    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;
}
