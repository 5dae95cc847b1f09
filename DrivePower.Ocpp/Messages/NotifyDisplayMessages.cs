namespace DrivePower.Ocpp.Messages;

/// <summary>O03: the messages a GetDisplayMessages asked for; tbc while more parts follow.</summary>
public sealed record NotifyDisplayMessagesRequest : IOcppRequest<NotifyDisplayMessagesResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<MessageInfo>? MessageInfo { get; init; }

    public required int RequestId { get; init; }
    public bool? Tbc { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record NotifyDisplayMessagesResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
