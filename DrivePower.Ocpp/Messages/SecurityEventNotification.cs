namespace DrivePower.Ocpp.Messages;

public sealed record SecurityEventNotificationRequest : IOcppRequest<SecurityEventNotificationResponse>
{
    [OcppMaxLength(50)]
    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    [OcppMaxLength(255)]
    public string? TechInfo { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record SecurityEventNotificationResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
