namespace DrivePower.Ocpp.Messages;

/// <summary>H02: cancel a reservation by its id.</summary>
public sealed record CancelReservationRequest : IOcppRequest<CancelReservationResponse>
{
    public required int ReservationId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record CancelReservationResponse : IOcppResponse
{
    public required CancelReservationStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum CancelReservationStatus
{
    Accepted,
    Rejected,
}
