using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One row of <c>station_logs</c>, without the file's bytes.</summary>
public sealed record StationLogRecord(
    int RequestId, string LogType, string? Answer, string? Status, string? FileName, long? SizeBytes,
    DateTimeOffset RequestedAt, DateTimeOffset? UploadedAt);

/// <summary>A file a station uploaded.</summary>
public sealed record StationLogFile(string FileName, byte[] Content);

/// <summary>
/// The logs the CSMS asked stations for (GetLog): the request with its upload token, the station's
/// answer and latest LogStatusNotification, and the file it uploaded (one upload per token).
/// </summary>
public sealed class StationLogStore(SqlRunner sql)
{
    private const string CreateSql = """
        INSERT INTO station_logs (station_id, request_id, log_type, upload_token, requested_at)
        VALUES (@station, (SELECT COALESCE(MAX(request_id), 0) + 1 FROM station_logs WHERE station_id = @station), @logType, @token, @at)
        RETURNING request_id
        """;

    private const string AnswerSql = """
        UPDATE station_logs SET answer = @answer, file_name = COALESCE(file_name, @fileName)
        WHERE station_id = @station AND request_id = @requestId
        """;

    private const string StatusSql = "UPDATE station_logs SET status = @status WHERE station_id = @station AND request_id = @requestId";

    // The token is spent by the first upload: a second one finds no row.
    private const string UploadSql = """
        UPDATE station_logs SET content = @content, size_bytes = @size, file_name = @fileName, uploaded_at = @at
        WHERE upload_token = @token AND content IS NULL
        """;

    private const string ListSql = """
        SELECT request_id, log_type, answer, status, file_name, size_bytes, requested_at, uploaded_at
        FROM station_logs WHERE station_id = @station ORDER BY request_id
        """;

    private const string FileSql = """
        SELECT file_name, content FROM station_logs
        WHERE station_id = @station AND request_id = @requestId AND content IS NOT NULL
        """;

    /// <summary>Stores a new request and returns its requestId: one more than the station's last, concurrent requests for one station taking turns.</summary>
    public Task<int> CreateAsync(string stationId, string logType, string token, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("create a log request", stationId, SqlRetry.Once, (connection, ct) =>
            StationRowLocks.InsertNextRequestIdAsync(connection, stationId, CreateSql, parameters =>
            {
                parameters.AddWithValue("logType", logType);
                parameters.AddWithValue("token", token);
                parameters.AddWithValue("at", at.ToUniversalTime());
            }, ct), cancellationToken);

    public Task<int> RecordAnswerAsync(string stationId, int requestId, string answer, string? fileName, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a GetLog answer", $"{stationId} log {requestId}", SqlRetry.Idempotent, AnswerSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("requestId", requestId);
            parameters.AddWithValue("answer", answer);
            parameters.AddNullable("fileName", NpgsqlDbType.Text, fileName);
        }, cancellationToken);

    public Task<int> RecordStatusAsync(string stationId, int requestId, string status, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a log status", $"{stationId} log {requestId}", SqlRetry.Idempotent, StatusSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("requestId", requestId);
            parameters.AddWithValue("status", status);
        }, cancellationToken);

    /// <summary>Stores the file for the token; false when the token is unknown or already used.</summary>
    public async Task<bool> StoreUploadAsync(string token, string fileName, byte[] content, DateTimeOffset at, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("store an uploaded log", fileName, SqlRetry.Idempotent, UploadSql, parameters =>
        {
            parameters.AddWithValue("token", token);
            parameters.AddWithValue("fileName", fileName);
            parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
            parameters.AddWithValue("size", (long)content.Length);
            parameters.AddWithValue("at", at.ToUniversalTime());
        }, cancellationToken) == 1;

    public Task<List<StationLogRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.QueryAsync<StationLogRecord>("list log requests", stationId, SqlRetry.Idempotent, ListSql, new { station = stationId }, cancellationToken);

    public Task<StationLogFile?> FindFileAsync(string stationId, int requestId, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<StationLogFile>("read an uploaded log", $"{stationId} log {requestId}", SqlRetry.Idempotent, FileSql,
            new { station = stationId, requestId }, cancellationToken);
}
