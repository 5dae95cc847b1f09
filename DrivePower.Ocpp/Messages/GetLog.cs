namespace DrivePower.Ocpp.Messages;

/// <summary>N01: upload a log of the given type to <see cref="LogParameters.RemoteLocation"/>.</summary>
public sealed record GetLogRequest : IOcppRequest<GetLogResponse>
{
    public required LogParameters Log { get; init; }
    public required LogType LogType { get; init; }
    public required int RequestId { get; init; }
    public int? Retries { get; init; }
    public int? RetryInterval { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record LogParameters
{
    [OcppMaxLength(512)]
    public required string RemoteLocation { get; init; }

    public DateTimeOffset? OldestTimestamp { get; init; }
    public DateTimeOffset? LatestTimestamp { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record GetLogResponse : IOcppResponse
{
    public required LogStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }

    [OcppMaxLength(255)]
    public string? Filename { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum LogType
{
    DiagnosticsLog,
    SecurityLog,
}

public enum LogStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
}
