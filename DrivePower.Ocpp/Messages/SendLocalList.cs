namespace DrivePower.Ocpp.Messages;

/// <summary>D01/D02: the station's local authorization list, whole (Full) or as changes (Differential), with its version.</summary>
public sealed record SendLocalListRequest : IOcppRequest<SendLocalListResponse>
{
    [OcppItems(Min = 1)]
    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    public required int VersionNumber { get; init; }
    public required UpdateType UpdateType { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>One token of the list; in a Differential update, without idTokenInfo it is removed.</summary>
public sealed record AuthorizationData
{
    public required IdToken IdToken { get; init; }
    public IdTokenInfo? IdTokenInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SendLocalListResponse : IOcppResponse
{
    public required SendLocalListStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum UpdateType
{
    Differential,
    Full,
}

public enum SendLocalListStatus
{
    Accepted,
    Failed,
    VersionMismatch,
}
