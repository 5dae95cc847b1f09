namespace DrivePower.Ocpp.Messages;

/// <summary>Sampled values taken at one point in time.</summary>
public sealed record MeterValue
{
    public required DateTimeOffset Timestamp { get; init; }

    [OcppItems(Min = 1)]
    public required IReadOnlyList<SampledValue> SampledValue { get; init; }

    public CustomData? CustomData { get; init; }
}

/// <summary>One measured value; without the optional fields it is an active-import energy register reading in Wh.</summary>
public sealed record SampledValue
{
    public required decimal Value { get; init; }
    public ReadingContext? Context { get; init; }
    public Measurand? Measurand { get; init; }
    public Phase? Phase { get; init; }
    public Location? Location { get; init; }
    public SignedMeterValue? SignedMeterValue { get; init; }
    public UnitOfMeasure? UnitOfMeasure { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SignedMeterValue
{
    [OcppMaxLength(2500)]
    public required string SignedMeterData { get; init; }

    [OcppMaxLength(50)]
    public required string SigningMethod { get; init; }

    [OcppMaxLength(50)]
    public required string EncodingMethod { get; init; }

    [OcppMaxLength(2500)]
    public required string PublicKey { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record UnitOfMeasure
{
    [OcppMaxLength(20)]
    public string? Unit { get; init; }

    public int? Multiplier { get; init; }

    public CustomData? CustomData { get; init; }
}
