namespace DrivePower.Ocpp.Messages;

public sealed record ResetRequest : IOcppRequest<ResetResponse>
{
    public required ResetType Type { get; init; }
    public int? EvseId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ResetResponse : IOcppResponse
{
    public required ResetStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ResetType
{
    Immediate,
    OnIdle,
}

public enum ResetStatus
{
    Accepted,
    Rejected,
    Scheduled,
}
