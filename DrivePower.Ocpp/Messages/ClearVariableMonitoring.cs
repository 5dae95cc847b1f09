namespace DrivePower.Ocpp.Messages;

/// <summary>N06: remove monitors by id.</summary>
public sealed record ClearVariableMonitoringRequest : IOcppRequest<ClearVariableMonitoringResponse>
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<int> Id { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record ClearVariableMonitoringResponse : IOcppResponse
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<ClearMonitoringResult> ClearMonitoringResult { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record ClearMonitoringResult
{
    public required ClearMonitoringStatus Status { get; init; }
    public required int Id { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ClearMonitoringStatus
{
    Accepted,
    Rejected,
    NotFound,
}
