namespace DrivePower.Ocpp.Messages;

public sealed record NotifyEventRequest : IOcppRequest<NotifyEventResponse>
{
    public required DateTimeOffset GeneratedAt { get; init; }
    public bool? Tbc { get; init; }
    public required int SeqNo { get; init; }

    [OcppItems(Min = 1)]
    public required IReadOnlyList<EventData> EventData { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record NotifyEventResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

/// <summary>One event notification for a component-variable.</summary>
public sealed record EventData
{
    public required int EventId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required EventTrigger Trigger { get; init; }
    public int? Cause { get; init; }

    [OcppMaxLength(2500)]
    public required string ActualValue { get; init; }

    [OcppMaxLength(50)]
    public string? TechCode { get; init; }

    [OcppMaxLength(500)]
    public string? TechInfo { get; init; }

    public bool? Cleared { get; init; }

    [OcppMaxLength(36)]
    public string? TransactionId { get; init; }

    public required Component Component { get; init; }
    public int? VariableMonitoringId { get; init; }
    public required EventNotificationType EventNotificationType { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum EventTrigger
{
    Alerting,
    Delta,
    Periodic,
}

public enum EventNotificationType
{
    HardWiredNotification,
    HardWiredMonitor,
    PreconfiguredMonitor,
    CustomMonitor,
}
