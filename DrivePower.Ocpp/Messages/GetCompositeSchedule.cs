namespace DrivePower.Ocpp.Messages;

/// <summary>K08: the limit the station will apply on an EVSE (0: the grid connection) over the next duration seconds.</summary>
public sealed record GetCompositeScheduleRequest : IOcppRequest<GetCompositeScheduleResponse>
{
    public required int Duration { get; init; }
    public ChargingRateUnit? ChargingRateUnit { get; init; }
    public required int EvseId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record GetCompositeScheduleResponse : IOcppResponse
{
    public required GenericStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CompositeSchedule? Schedule { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record CompositeSchedule
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    public required int EvseId { get; init; }
    public required int Duration { get; init; }
    public required DateTimeOffset ScheduleStart { get; init; }
    public required ChargingRateUnit ChargingRateUnit { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum GenericStatus
{
    Accepted,
    Rejected,
}
