namespace DrivePower.Ocpp.Messages;

/// <summary>More information about a response's status.</summary>
public sealed record StatusInfo
{
    [OcppMaxLength(20)]
    public required string ReasonCode { get; init; }

    [OcppMaxLength(512)]
    public string? AdditionalInfo { get; init; }

    public CustomData? CustomData { get; init; }
}
