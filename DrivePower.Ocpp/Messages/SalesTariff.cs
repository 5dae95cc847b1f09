namespace DrivePower.Ocpp.Messages;

/// <summary>An ISO 15118-2 sales tariff riding along in a <see cref="ChargingSchedule"/>.</summary>
public sealed record SalesTariff
{
    public required int Id { get; init; }

    [OcppMaxLength(32)]
    public string? SalesTariffDescription { get; init; }

    public int? NumEPriceLevels { get; init; }

    [OcppItems(Min = 1, Max = 1024)]
    public required IReadOnlyList<SalesTariffEntry> SalesTariffEntry { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record SalesTariffEntry
{
    public required RelativeTimeInterval RelativeTimeInterval { get; init; }

    [OcppMinimum(0)]
    public int? EPriceLevel { get; init; }

    [OcppItems(Min = 1, Max = 3)]
    public IReadOnlyList<ConsumptionCost>? ConsumptionCost { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record RelativeTimeInterval
{
    public required int Start { get; init; }
    public int? Duration { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ConsumptionCost
{
    public required decimal StartValue { get; init; }

    [OcppItems(Min = 1, Max = 3)]
    public required IReadOnlyList<Cost> Cost { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record Cost
{
    public required CostKind CostKind { get; init; }
    public required int Amount { get; init; }
    public int? AmountMultiplier { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum CostKind
{
    CarbonDioxideEmission,
    RelativePricePercentage,
    RenewableGenerationPercentage,
}
