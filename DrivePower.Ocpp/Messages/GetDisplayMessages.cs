namespace DrivePower.Ocpp.Messages;

/// <summary>O03: asks for the messages that match; they come back in NotifyDisplayMessages.</summary>
public sealed record GetDisplayMessagesRequest : IOcppRequest<GetDisplayMessagesResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<int>? Id { get; init; }

    public required int RequestId { get; init; }
    public MessagePriority? Priority { get; init; }
    public MessageState? State { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record GetDisplayMessagesResponse : IOcppResponse
{
    public required GetDisplayMessagesStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum GetDisplayMessagesStatus
{
    Accepted,
    Unknown,
}
