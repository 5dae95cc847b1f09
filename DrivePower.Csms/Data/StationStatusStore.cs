using DrivePower.Csms.Data.Batching;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// FirmwareStatusNotification and LogStatusNotification: the latest of each on the station row.
/// Written in batches (<see cref="WriteBatcher{T}"/>), one statement per batch and kind.
/// </summary>
public sealed class StationStatusStore : IAsyncDisposable
{
    // DISTINCT ON: a statement may update a row once only; of two notifications of one station in a
    // batch the later one (by time, then by place in the batch) is kept.
    private const string FirmwareSql = StationRowLocks.InIdOrder + """
        UPDATE stations AS s SET firmware_status = n.status, firmware_status_request_id = n.request_id, firmware_status_at = n.at, updated_at = n.at
        FROM (SELECT DISTINCT ON (id) id, status, request_id, at
              FROM unnest(@ids::text[], @statuses::text[], @requestIds::integer[], @times::timestamptz[]) WITH ORDINALITY
                  AS n(id, status, request_id, at, ord)
              ORDER BY id, at DESC, ord DESC) AS n
        WHERE s.id = n.id
        """;

    private const string LogSql = StationRowLocks.InIdOrder + """
        UPDATE stations AS s SET log_status = n.status, log_status_request_id = n.request_id, log_status_at = n.at, updated_at = n.at
        FROM (SELECT DISTINCT ON (id) id, status, request_id, at
              FROM unnest(@ids::text[], @statuses::text[], @requestIds::integer[], @times::timestamptz[]) WITH ORDINALITY
                  AS n(id, status, request_id, at, ord)
              ORDER BY id, at DESC, ord DESC) AS n
        WHERE s.id = n.id
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<StatusRecord> _firmware;
    private readonly WriteBatcher<StatusRecord> _log;

    public StationStatusStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<StationStatusStore> logger)
    {
        _sql = sql;
        _firmware = new WriteBatcher<StatusRecord>("firmware statuses", StoreFirmwareAsync, options.Value, logger);
        _log = new WriteBatcher<StatusRecord>("log upload statuses", StoreLogAsync, options.Value, logger);
    }

    /// <summary>Completes when the firmware status is committed, in a batch with other stations'.</summary>
    public Task RecordFirmwareStatusAsync(string stationId, string status, int? requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _firmware.WriteAsync(new StatusRecord(stationId, status, requestId, now), cancellationToken);

    /// <summary>Completes when the log upload status is committed, in a batch with other stations'.</summary>
    public Task RecordLogStatusAsync(string stationId, string status, int? requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _log.WriteAsync(new StatusRecord(stationId, status, requestId, now), cancellationToken);

    internal Task StoreFirmwareAsync(IReadOnlyList<StatusRecord> statuses, CancellationToken cancellationToken) =>
        StoreAsync("store the firmware status", FirmwareSql, statuses, cancellationToken);

    internal Task StoreLogAsync(IReadOnlyList<StatusRecord> statuses, CancellationToken cancellationToken) =>
        StoreAsync("store the log upload status", LogSql, statuses, cancellationToken);

    /// <summary>One batch in one statement; it sets values, so safe to run again.</summary>
    private Task StoreAsync(string operation, string statement, IReadOnlyList<StatusRecord> statuses, CancellationToken cancellationToken) =>
        _sql.ExecuteAsync(operation, statuses.Count == 1 ? statuses[0].StationId : $"{statuses.Count} stations", SqlRetry.Idempotent, statement, parameters =>
        {
            parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, statuses.Select(s => s.StationId).ToArray());
            parameters.AddWithValue("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text, statuses.Select(s => s.Status).ToArray());
            parameters.AddWithValue("requestIds", NpgsqlDbType.Array | NpgsqlDbType.Integer, statuses.Select(s => s.RequestId).ToArray());
            parameters.AddWithValue("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, statuses.Select(s => s.At.ToUniversalTime()).ToArray());
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _firmware.DisposeAsync();
        await _log.DisposeAsync();
    }

    internal sealed record StatusRecord(string StationId, string Status, int? RequestId, DateTimeOffset At);
}
