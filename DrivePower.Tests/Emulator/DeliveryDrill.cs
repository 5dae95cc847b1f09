using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Tests.Csms;

namespace DrivePower.Tests.Emulator;

/// <summary>What the fault drills (database outage, CSMS crash) share: how they set up delivery, and what "complete" means.</summary>
internal static class DeliveryDrill
{
    /// <summary>
    /// Through the operator API, as an operator would: many quick attempts for TransactionEvent, so a
    /// message the CSMS fails during the fault is tried again past its end, not given up.
    /// </summary>
    public static async Task ConfigureDeliveryAsync(HttpClient operatorApi, string stationId)
    {
        using var response = await operatorApi.PostAsJsonAsync($"/api/stations/{stationId}/commands/SetVariables", new
        {
            setVariableData = new object[]
            {
                new { component = new { name = "OCPPCommCtrlr" }, variable = new { name = "MessageAttempts", instance = "TransactionEvent" }, attributeValue = "30" },
                new { component = new { name = "OCPPCommCtrlr" }, variable = new { name = "MessageAttemptInterval", instance = "TransactionEvent" }, attributeValue = "1" },
            },
        });
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(answer.RootElement.GetProperty("setVariableResult").EnumerateArray(),
            result => Assert.Equal("Accepted", result.GetProperty("attributeStatus").GetString()));
    }

    /// <summary>
    /// Each of <paramref name="transactionIds"/> the CSMS lacks or holds incomplete among the stations whose
    /// id starts with <paramref name="stationPrefix"/>: active, not ended, no energy, a gap in its seqNos, no final Ended.
    /// </summary>
    public static async Task<List<string>> IncompleteAsync(string connectionString, string stationPrefix, IReadOnlySet<string> transactionIds)
    {
        var rows = await Sql.RowsAsync(connectionString, """
            SELECT t.transaction_id,
                   NOT t.is_active AND t.ended_at IS NOT NULL AND t.energy_end_wh IS NOT NULL
                   AND count(e.id) = max(e.seq_no) + 1 AND min(e.seq_no) = 0
                   AND max(e.seq_no) = max(e.seq_no) FILTER (WHERE e.event_type = 'Ended') AS complete
            FROM transactions t JOIN transaction_events e ON e.transaction_pk = t.id
            WHERE t.station_id LIKE @prefix
            GROUP BY t.id
            """, ("prefix", stationPrefix + "%"));
        var complete = rows.Where(row => (bool)row["complete"]!).Select(row => (string)row["transaction_id"]!).ToHashSet(StringComparer.Ordinal);
        return [.. transactionIds.Where(id => !complete.Contains(id))];
    }
}
