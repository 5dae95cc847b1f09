namespace DrivePower.Ocpp.Messages;

/// <summary>H03/H04: a reservation ended without being used: it expired, or the station removed it.</summary>
public sealed record ReservationStatusUpdateRequest : IOcppRequest<ReservationStatusUpdateResponse>
{
    public required int ReservationId { get; init; }
    public required ReservationUpdateStatus ReservationUpdateStatus { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ReservationStatusUpdateResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

public enum ReservationUpdateStatus
{
    Expired,
    Removed,
}
