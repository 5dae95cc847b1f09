namespace DrivePower.Csms.Events;

/// <summary>
/// A TransactionEvent Started was stored (<see cref="StationEvent.At"/> is the station's timestamp;
/// <c>Id</c> is our numeric id of the transaction, as <c>/api/transactions/{id}</c> takes it).
/// </summary>
public sealed record TransactionStartedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, int? EvseId, string? IdToken)
    : StationEvent(StationId, At);

/// <summary>
/// A TransactionEvent Updated was stored; the state is the transaction's after it. The energy figures
/// mean what they mean in <c>/api/transactions</c>: <c>EnergyStartWh</c> and <c>EnergyEndWh</c> are meter
/// register readings (the first, the latest), <c>EnergyWh</c> the energy delivered in the session so far.
/// </summary>
public sealed record TransactionUpdatedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, string? ChargingState,
    decimal? EnergyStartWh, decimal? EnergyEndWh, decimal? EnergyWh)
    : StationEvent(StationId, At);

/// <summary>A TransactionEvent Ended was stored: the transaction is over (energy figures as in <see cref="TransactionUpdatedEvent"/>).</summary>
public sealed record TransactionEndedEvent(
    string StationId, DateTimeOffset At, string TransactionId, long Id, int SeqNo, string? StoppedReason,
    decimal? EnergyStartWh, decimal? EnergyEndWh, decimal? EnergyWh)
    : StationEvent(StationId, At);
