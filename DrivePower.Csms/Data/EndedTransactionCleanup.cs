namespace DrivePower.Csms.Data;

/// <summary>
/// What a station drops when a transaction ends, dropped from the CSMS's copy too: its TxProfiles (K01: a
/// TxProfile lives as long as its transaction) and the display messages bound to it (O: shown during that
/// transaction only). Without this the profile and message lists keep entries the station no longer has.
/// </summary>
public sealed class EndedTransactionCleanup(SqlRunner sql)
{
    private const string DeleteSql = """
        DELETE FROM charging_profiles WHERE station_id = @station AND purpose = 'TxProfile' AND transaction_id = @transaction;
        DELETE FROM display_messages WHERE station_id = @station AND transaction_id = @transaction;
        """;

    /// <summary>Removes the ended transaction's TxProfiles and display messages; how many rows went.</summary>
    public Task<int> RemoveAsync(string stationId, string transactionId, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("remove an ended transaction's profiles and messages", $"{stationId} transaction {transactionId}", SqlRetry.Idempotent,
            DeleteSql, parameters =>
            {
                parameters.AddWithValue("station", stationId);
                parameters.AddWithValue("transaction", transactionId);
            }, cancellationToken);
}
