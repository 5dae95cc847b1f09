namespace DrivePower.Csms.Data;

/// <summary>
/// What storing one TransactionEvent did, and the transaction's state after it: <c>Id</c> is our numeric
/// id (<c>transactions.id</c>); <c>Duplicate</c> means the seqNo was stored before and nothing changed.
/// <c>EnergyStartWh</c> and <c>EnergyEndWh</c> are meter register readings (first and latest); <c>TotalCost</c> is
/// the cost by the tariff in <c>Currency</c> (running while active, final once ended), null without a tariff.
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
    decimal? EnergyEndWh,
    decimal? TotalCost = null,
    string? Currency = null)
{
    /// <summary>The energy delivered in the session so far: <see cref="EnergyEndWh"/> - <see cref="EnergyStartWh"/>, as <c>/api/transactions</c> has it.</summary>
    public decimal? EnergyWh => EnergyEndWh - EnergyStartWh;
}
