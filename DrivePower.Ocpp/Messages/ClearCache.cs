namespace DrivePower.Ocpp.Messages;

public sealed record ClearCacheRequest : IOcppRequest<ClearCacheResponse>
{
    public CustomData? CustomData { get; init; }
}

public sealed record ClearCacheResponse : IOcppResponse
{
    public required ClearCacheStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ClearCacheStatus
{
    Accepted,
    Rejected,
}
