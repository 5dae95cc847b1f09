using System.Text.Json.Serialization;

namespace DrivePower.Csms.Events;

/// <summary>Something that happened at a station, published in-process (logged, streamed to operators).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StationConnectedEvent), "connected")]
[JsonDerivedType(typeof(StationDisconnectedEvent), "disconnected")]
[JsonDerivedType(typeof(StationBootedEvent), "booted")]
[JsonDerivedType(typeof(StatusEvent), "status")]
[JsonDerivedType(typeof(TransactionStartedEvent), "transactionStarted")]
[JsonDerivedType(typeof(TransactionUpdatedEvent), "transactionUpdated")]
[JsonDerivedType(typeof(TransactionEndedEvent), "transactionEnded")]
[JsonDerivedType(typeof(HeartbeatEvent), "heartbeat")]
[JsonDerivedType(typeof(MeterValuesEvent), "meterValues")]
[JsonDerivedType(typeof(CommandSentEvent), "commandSent")]
[JsonDerivedType(typeof(CommandAnsweredEvent), "commandAnswered")]
public abstract record StationEvent(string StationId, DateTimeOffset At);

public sealed record StationConnectedEvent(string StationId, DateTimeOffset At, string Subprotocol) : StationEvent(StationId, At);

public sealed record StationDisconnectedEvent(string StationId, DateTimeOffset At) : StationEvent(StationId, At);

public sealed record StationBootedEvent(string StationId, DateTimeOffset At, string Reason, string RegistrationStatus) : StationEvent(StationId, At);

/// <summary>A connector's new status, as the station reported it (<see cref="StationEvent.At"/> is the station's timestamp).</summary>
public sealed record StatusEvent(string StationId, DateTimeOffset At, int EvseId, int ConnectorId, string Status) : StationEvent(StationId, At);
