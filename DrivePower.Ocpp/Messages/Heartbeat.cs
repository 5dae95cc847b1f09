namespace DrivePower.Ocpp.Messages;

public sealed record HeartbeatRequest : IOcppRequest<HeartbeatResponse>
{
    public CustomData? CustomData { get; init; }
}

public sealed record HeartbeatResponse : IOcppResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
    public CustomData? CustomData { get; init; }
}
