namespace DrivePower.Ocpp.Messages;

/// <summary>A charging profile: schedules of the power or current that may be delivered per time interval.</summary>
public sealed record ChargingProfile
{
    public required int Id { get; init; }
    public required int StackLevel { get; init; }
    public required ChargingProfilePurpose ChargingProfilePurpose { get; init; }
    public required ChargingProfileKind ChargingProfileKind { get; init; }
    public RecurrencyKind? RecurrencyKind { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidTo { get; init; }

    [OcppItems(Min = 1, Max = 3)]
    public required IReadOnlyList<ChargingSchedule> ChargingSchedule { get; init; }

    [OcppMaxLength(36)]
    public string? TransactionId { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record ChargingSchedule
{
    public required int Id { get; init; }
    public DateTimeOffset? StartSchedule { get; init; }
    public int? Duration { get; init; }
    public required ChargingRateUnit ChargingRateUnit { get; init; }

    [OcppItems(Min = 1, Max = 1024)]
    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    public decimal? MinChargingRate { get; init; }
    public SalesTariff? SalesTariff { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ChargingSchedulePeriod
{
    public required int StartPeriod { get; init; }
    public required decimal Limit { get; init; }
    public int? NumberPhases { get; init; }
    public int? PhaseToUse { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ChargingProfilePurpose
{
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

public enum ChargingProfileKind
{
    Absolute,
    Recurring,
    Relative,
}

public enum RecurrencyKind
{
    Daily,
    Weekly,
}

public enum ChargingRateUnit
{
    W,
    A,
}
