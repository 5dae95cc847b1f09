namespace DrivePower.Ocpp.Messages;

public sealed record ChangeAvailabilityRequest : IOcppRequest<ChangeAvailabilityResponse>
{
    public Evse? Evse { get; init; }
    public required OperationalStatus OperationalStatus { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ChangeAvailabilityResponse : IOcppResponse
{
    public required ChangeAvailabilityStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum OperationalStatus
{
    Inoperative,
    Operative,
}

public enum ChangeAvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}
