namespace DrivePower.Csms.Data;

/// <summary>FirmwareStatusNotification and LogStatusNotification: the latest of each on the station row.</summary>
public sealed class StationStatusStore(SqlRunner sql)
{
    private const string FirmwareSql = """
        UPDATE stations SET firmware_status = @status, firmware_status_request_id = @requestId, firmware_status_at = @now, updated_at = @now
        WHERE id = @id
        """;

    private const string LogSql = """
        UPDATE stations SET log_status = @status, log_status_request_id = @requestId, log_status_at = @now, updated_at = @now
        WHERE id = @id
        """;

    public Task RecordFirmwareStatusAsync(string stationId, string status, int? requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordAsync("store the firmware status", FirmwareSql, stationId, status, requestId, now, cancellationToken);

    public Task RecordLogStatusAsync(string stationId, string status, int? requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordAsync("store the log upload status", LogSql, stationId, status, requestId, now, cancellationToken);

    private Task RecordAsync(string operation, string statement, string stationId, string status, int? requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.ExecuteAsync(operation, stationId, SqlRetry.Idempotent, statement, parameters =>
        {
            parameters.AddWithValue("id", stationId);
            parameters.AddWithValue("status", status);
            parameters.AddNullable("requestId", NpgsqlTypes.NpgsqlDbType.Integer, requestId);
            parameters.AddWithValue("now", now);
        }, cancellationToken);
}
