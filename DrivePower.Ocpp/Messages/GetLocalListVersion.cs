namespace DrivePower.Ocpp.Messages;

/// <summary>D03: the version of the station's local list (0: none).</summary>
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionResponse>
{
    public CustomData? CustomData { get; init; }
}

public sealed record GetLocalListVersionResponse : IOcppResponse
{
    public required int VersionNumber { get; init; }
    public CustomData? CustomData { get; init; }
}
