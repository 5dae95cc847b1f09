namespace DrivePower.Ocpp.Messages;

public sealed record MeterValuesRequest : IOcppRequest<MeterValuesResponse>
{
    public required int EvseId { get; init; }

    [OcppItems(Min = 1)]
    public required IReadOnlyList<MeterValue> MeterValue { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record MeterValuesResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}
