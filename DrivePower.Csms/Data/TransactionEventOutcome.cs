namespace DrivePower.Csms.Data;

/// <summary>
/// What storing one TransactionEvent did, and the transaction's state after it: <c>Id</c> is our numeric
/// id (<c>transactions.id</c>); <c>Duplicate</c> means the seqNo was stored before and nothing changed.
/// </summary>
public sealed record TransactionEventOutcome(
    long Id,
    bool Duplicate,
    bool IsActive,
    int? EvseId,
    string? IdToken,
    string? ChargingState,
    string? StoppedReason,
    decimal? EnergyStartWh,
    decimal? EnergyEndWh);
