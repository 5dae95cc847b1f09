namespace DrivePower.Ocpp.Messages;

/// <summary>An EVSE of the station, optionally narrowed to one of its connectors.</summary>
public sealed record Evse
{
    public required int Id { get; init; }
    public int? ConnectorId { get; init; }
    public CustomData? CustomData { get; init; }
}
