using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One status a station reported for a firmware update.</summary>
public sealed record FirmwareStatusEntry(string Status, DateTimeOffset At);

/// <summary>One UpdateFirmware sent, its answer, and the statuses reported for its requestId (oldest first).</summary>
public sealed record FirmwareUpdateRecord(
    int RequestId, int? FirmwareFileId, string Location, string? Version, bool Signed, string? Answer, string? Status,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, IReadOnlyList<FirmwareStatusEntry> History);

/// <summary>What a new UpdateFirmware of the operator API carries besides its requestId.</summary>
public sealed record FirmwareUpdatePlan(int? FirmwareFileId, string Location, string? Version, bool Signed);

/// <summary>
/// The UpdateFirmware requests sent to stations (<c>firmware_updates</c>) and the FirmwareStatusNotifications
/// of each requestId (<c>firmware_status_history</c>). The history is keyed by station and requestId alone,
/// so a status that arrives before the answer is stored is kept, and the update's latest status is read from it.
/// </summary>
public sealed class FirmwareUpdateStore(SqlRunner sql)
{
    private const string CreateSql = """
        INSERT INTO firmware_updates (station_id, request_id, firmware_file_id, location, version, signed, requested_at, updated_at)
        VALUES (@station, (SELECT COALESCE(MAX(request_id), 0) + 1 FROM firmware_updates WHERE station_id = @station),
                @fileId, @location, @version, @signed, @at, @at)
        RETURNING request_id
        """;

    // The operator API made the row before sending; an UpdateFirmware from the commands endpoint makes it here.
    private const string AnswerSql = """
        INSERT INTO firmware_updates (station_id, request_id, location, signed, answer, requested_at, updated_at)
        VALUES (@station, @requestId, @location, @signed, @answer, @at, @at)
        ON CONFLICT ON CONSTRAINT pk_firmware_updates DO UPDATE SET answer = EXCLUDED.answer, updated_at = EXCLUDED.updated_at
        """;

    private const string StatusSql = """
        WITH reported AS (
            INSERT INTO firmware_status_history (station_id, request_id, status, stored_at) VALUES (@station, @requestId, @status, @at)
        )
        UPDATE firmware_updates SET status = @status, updated_at = @at WHERE station_id = @station AND request_id = @requestId
        """;

    private const string ListSql = """
        SELECT request_id, firmware_file_id, location, version, signed, answer, status, requested_at, updated_at
        FROM firmware_updates WHERE station_id = @station ORDER BY request_id
        """;

    private const string HistorySql = """
        SELECT request_id, status, stored_at FROM firmware_status_history WHERE station_id = @station ORDER BY id
        """;

    /// <summary>Stores a new update and returns its requestId: one more than the station's last, concurrent requests for one station taking turns.</summary>
    public Task<int> CreateAsync(string stationId, FirmwareUpdatePlan plan, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("create a firmware update", stationId, SqlRetry.Once, (connection, ct) =>
            StationRowLocks.InsertNextRequestIdAsync(connection, stationId, CreateSql, parameters =>
            {
                parameters.AddNullable("fileId", NpgsqlDbType.Integer, plan.FirmwareFileId);
                parameters.AddWithValue("location", plan.Location);
                parameters.AddNullable("version", NpgsqlDbType.Text, plan.Version);
                parameters.AddWithValue("signed", plan.Signed);
                parameters.AddWithValue("at", at.ToUniversalTime());
            }, ct), cancellationToken);

    public Task<int> RecordAnswerAsync(string stationId, int requestId, string location, bool signed, string answer, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store an UpdateFirmware answer", $"{stationId} firmware {requestId}", SqlRetry.Idempotent, AnswerSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("requestId", requestId);
            parameters.AddWithValue("location", location);
            parameters.AddWithValue("signed", signed);
            parameters.AddWithValue("answer", answer);
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken);

    /// <summary>Appends the status to the requestId's history (and sets it on the update, if stored yet).</summary>
    public Task<int> RecordStatusAsync(string stationId, int requestId, string status, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a firmware status", $"{stationId} firmware {requestId}", SqlRetry.Once, StatusSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("requestId", requestId);
            parameters.AddWithValue("status", status);
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken);

    public Task<List<FirmwareUpdateRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.RunAsync("list firmware updates", stationId, SqlRetry.Idempotent, async (connection, ct) =>
        {
            var statuses = (await connection.QueryListAsync<StatusRow>(HistorySql, new { station = stationId }, ct))
                .ToLookup(row => row.RequestId, row => new FirmwareStatusEntry(row.Status, row.StoredAt));
            var updates = await connection.QueryListAsync<UpdateRow>(ListSql, new { station = stationId }, ct);
            return updates.ConvertAll(row =>
            {
                var entries = statuses[row.RequestId].ToList();
                return new FirmwareUpdateRecord(
                    row.RequestId, row.FirmwareFileId, row.Location, row.Version, row.Signed, row.Answer,
                    // The history is the truth: a status stored before the row existed is in it, not on the row.
                    entries.Count > 0 ? entries[^1].Status : row.Status,
                    row.RequestedAt,
                    entries.Count > 0 && entries[^1].At > row.UpdatedAt ? entries[^1].At : row.UpdatedAt,
                    entries);
            });
        }, cancellationToken);

    private sealed record StatusRow(int RequestId, string Status, DateTimeOffset StoredAt);

    private sealed record UpdateRow(
        int RequestId, int? FirmwareFileId, string Location, string? Version, bool Signed, string? Answer, string? Status,
        DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt);
}
