namespace DrivePower.Ocpp.Messages;

/// <summary>The schema's <c>maxLength</c> of a string property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OcppMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
