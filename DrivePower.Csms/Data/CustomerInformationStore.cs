namespace DrivePower.Csms.Data;

/// <summary>One part of a NotifyCustomerInformation report.</summary>
public sealed record CustomerInformationPart(int SeqNo, bool Tbc, string Data, DateTimeOffset GeneratedAt);

/// <summary>The parts of the customer information stations reported (N09), per station and requestId.</summary>
public sealed class CustomerInformationStore(SqlRunner sql)
{
    // A part sent again (the station retried) replaces itself: the key is its seqNo.
    private const string UpsertSql = """
        INSERT INTO customer_information (station_id, request_id, seq_no, tbc, data, generated_at)
        VALUES (@station, @requestId, @seqNo, @tbc, @data, @generatedAt)
        ON CONFLICT ON CONSTRAINT pk_customer_information DO UPDATE SET
            tbc = EXCLUDED.tbc, data = EXCLUDED.data, generated_at = EXCLUDED.generated_at
        """;

    private const string ListSql = """
        SELECT seq_no, tbc, data, generated_at FROM customer_information
        WHERE station_id = @station AND request_id = @requestId ORDER BY seq_no
        """;

    public Task<int> RecordAsync(string stationId, int requestId, CustomerInformationPart part, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store customer information", $"{stationId} request {requestId} part {part.SeqNo}", SqlRetry.Idempotent, UpsertSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("requestId", requestId);
            parameters.AddWithValue("seqNo", part.SeqNo);
            parameters.AddWithValue("tbc", part.Tbc);
            parameters.AddWithValue("data", part.Data);
            parameters.AddWithValue("generatedAt", part.GeneratedAt.ToUniversalTime());
        }, cancellationToken);

    public Task<List<CustomerInformationPart>> ListAsync(string stationId, int requestId, CancellationToken cancellationToken) =>
        sql.QueryAsync<CustomerInformationPart>("list customer information", $"{stationId} request {requestId}", SqlRetry.Idempotent, ListSql,
            new { station = stationId, requestId }, cancellationToken);
}
