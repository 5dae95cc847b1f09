namespace DrivePower.Ocpp.Messages;

/// <summary>O01/O02: show a message (a known id replaces it).</summary>
public sealed record SetDisplayMessageRequest : IOcppRequest<SetDisplayMessageResponse>
{
    public required MessageInfo Message { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetDisplayMessageResponse : IOcppResponse
{
    public required DisplayMessageStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum DisplayMessageStatus
{
    Accepted,
    NotSupportedMessageFormat,
    Rejected,
    NotSupportedPriority,
    NotSupportedState,
    UnknownTransaction,
}
