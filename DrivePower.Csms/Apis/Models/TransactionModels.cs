using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>
/// A transaction: <c>id</c> is the CSMS's numeric id, <c>transactionId</c> the station's.
/// <c>energyWh</c> is <c>energyEndWh - energyStartWh</c> when both are known. <c>csmsEnd</c> is set when an
/// operator ended it on the CSMS side (<c>POST /api/transactions/{id}/end</c>), null otherwise. <c>totalCost</c> (in
/// <c>currency</c>) is the cost by the tariff: running while active, final once ended; null when no tariff priced it.
/// </summary>
public sealed record TransactionSummary(
    long Id, string StationId, string TransactionId, int? EvseId, int? ConnectorId, string? IdToken, string? IdTokenType,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset LastEventAt, string? StoppedReason, string? ChargingState,
    decimal? EnergyStartWh, decimal? EnergyEndWh, decimal? EnergyWh, int LastSeqNo, bool IsActive, TransactionCsmsEnd? CsmsEnd,
    decimal? TotalCost, string? Currency);

/// <summary>Who ended a transaction on the CSMS side, why, and when.</summary>
public sealed record TransactionCsmsEnd(string EndedBy, string Reason, DateTimeOffset At);

/// <summary>
/// The body of <c>POST /api/transactions/{id}/end</c>: <c>endedBy</c> (1-100 characters) and <c>reason</c>
/// (1-500) are recorded; <c>stoppedReason</c> is a ReasonEnumType value, <c>Other</c> when absent.
/// </summary>
public sealed record TransactionEndRequest(string? EndedBy, string? Reason, string? StoppedReason);

/// <summary>One sampled value (scaled by its multiplier; <c>seqNo</c> of the TransactionEvent that carried it).</summary>
public sealed record MeterValueInfo(
    long Id, int? EvseId, DateTimeOffset Timestamp, string Measurand, string? Phase, string? Location, string? Context,
    string? Unit, decimal Value, int? SeqNo);

/// <summary>A TransactionEvent as the station sent it.</summary>
public sealed record TransactionEventInfo(long Id, int SeqNo, string EventType, string TriggerReason, DateTimeOffset Timestamp, JsonElement Payload);

/// <summary>A transaction with its meter values and events, as <c>GET /api/transactions/{id}</c> returns it.</summary>
public sealed record TransactionDetails(TransactionSummary Transaction, IReadOnlyList<MeterValueInfo> MeterValues, IReadOnlyList<TransactionEventInfo> Events);
