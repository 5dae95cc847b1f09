namespace DrivePower.Csms.Events;

/// <summary>
/// A TransactionEvent Started was stored (<see cref="StationEvent.At"/> is the station's timestamp;
/// <c>Id</c> is our numeric id of the transaction, as <c>/api/transactions/{id}</c> takes it).
/// </summary>
public sealed record TransactionStartedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, int? EvseId, string? IdToken)
    : StationEvent(StationId, At);

/// <summary>A TransactionEvent Updated was stored; the state is the transaction's after it.</summary>
public sealed record TransactionUpdatedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, string? ChargingState, decimal? EnergyWh)
    : StationEvent(StationId, At);

/// <summary>A TransactionEvent Ended was stored: the transaction is over.</summary>
public sealed record TransactionEndedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, string? StoppedReason, decimal? EnergyStartWh, decimal? EnergyEndWh)
    : StationEvent(StationId, At);
