namespace DrivePower.Csms.Events;

/// <summary>
/// A Heartbeat was stored (<see cref="StationEvent.At"/> is the CSMS's time). Frequent: published only
/// while a live stream listens (<see cref="StationEventHub.WantsFrequentEvents"/>), and not logged.
/// </summary>
public sealed record HeartbeatEvent(string StationId, DateTimeOffset At) : StationEvent(StationId, At);

/// <summary>
/// A MeterValues message (values outside a TransactionEvent) was stored: its EVSE, how many sampled
/// values it held, and <c>MeterWh</c>, its last energy register reading (Energy.Active.Import.Register,
/// no phase, scaled by its multiplier) when it had one. <see cref="StationEvent.At"/> is the station's
/// timestamp of the last meterValue. Frequent, like <see cref="HeartbeatEvent"/>.
/// </summary>
public sealed record MeterValuesEvent(string StationId, DateTimeOffset At, int EvseId, int Values, decimal? MeterWh) : StationEvent(StationId, At);

/// <summary>An operator command's CALL is on its way to the station.</summary>
public sealed record CommandSentEvent(string StationId, DateTimeOffset At, string Action) : StationEvent(StationId, At);

/// <summary>
/// An operator command ended: <c>Outcome</c> is its <c>CommandStatus</c> (Answered, CallError, Timeout,
/// SendTimeout, ConnectionClosed, InvalidResponse), with the station's error code for a CALLERROR and the round trip.
/// </summary>
public sealed record CommandAnsweredEvent(string StationId, DateTimeOffset At, string Action, string Outcome, string? ErrorCode, double RoundTripMs)
    : StationEvent(StationId, At);
