namespace DrivePower.Ocpp.Messages;

/// <summary>A message for the station's display (O): what, where, how urgent, when, and for which transaction.</summary>
public sealed record MessageInfo
{
    public Component? Display { get; init; }
    public required int Id { get; init; }
    public required MessagePriority Priority { get; init; }
    public MessageState? State { get; init; }
    public DateTimeOffset? StartDateTime { get; init; }
    public DateTimeOffset? EndDateTime { get; init; }

    [OcppMaxLength(36)]
    public string? TransactionId { get; init; }

    public required MessageContent Message { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum MessagePriority
{
    AlwaysFront,
    InFront,
    NormalCycle,
}

/// <summary>The station state in which a message is shown.</summary>
public enum MessageState
{
    Charging,
    Faulted,
    Idle,
    Unavailable,
}
