namespace DrivePower.Ocpp.Messages;

/// <summary>O05: remove a message by id.</summary>
public sealed record ClearDisplayMessageRequest : IOcppRequest<ClearDisplayMessageResponse>
{
    public required int Id { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ClearDisplayMessageResponse : IOcppResponse
{
    public required ClearMessageStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ClearMessageStatus
{
    Accepted,
    Unknown,
}
