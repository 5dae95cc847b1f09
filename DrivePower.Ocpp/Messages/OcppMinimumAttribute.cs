namespace DrivePower.Ocpp.Messages;

/// <summary>The schema's inclusive <c>minimum</c> of a numeric property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OcppMinimumAttribute(double minimum) : Attribute
{
    public decimal Minimum { get; } = (decimal)minimum;
}
