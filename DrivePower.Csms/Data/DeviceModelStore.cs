using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// NotifyReport into <c>device_model_variables</c>: every part is upserted as it arrives (so nothing
/// acknowledged is lost) and tagged with its requestId; the last part (tbc false or absent) then deletes
/// the station's rows of other reports, so the newest complete report replaces the older one. Parts of
/// many stations (a boot storm's reports) are written in batches (<see cref="WriteBatcher{T}"/>), one
/// transaction and two statements per batch.
/// </summary>
public sealed class DeviceModelStore : IAsyncDisposable
{
    // DISTINCT ON keeps the last of repeated keys within one part: ON CONFLICT may touch a row only once.
    private const string UpsertSql = """
        INSERT INTO device_model_variables (station_id, component_name, component_instance, evse_id, connector_id, variable_name,
            variable_instance, attribute_type, value, mutability, data_type, unit, min_limit, max_limit, values_list, reported_at, request_id)
        SELECT DISTINCT ON (v.station_id, v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance, v.attribute_type)
            v.station_id, v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance, v.attribute_type,
            v.value, v.mutability, v.data_type, v.unit, v.min_limit, v.max_limit, v.values_list, v.reported_at, v.request_id
        FROM unnest(@stations, @requestIds, @reportedAt, @components, @componentInstances, @evses, @connectors, @variables, @variableInstances,
                    @attributeTypes, @values, @mutabilities, @dataTypes, @units, @minLimits, @maxLimits, @valuesLists)
            WITH ORDINALITY AS v(station_id, request_id, reported_at, component_name, component_instance, evse_id, connector_id, variable_name,
                                 variable_instance, attribute_type, value, mutability, data_type, unit, min_limit, max_limit, values_list, ordinal)
        ORDER BY v.station_id, v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance,
                 v.attribute_type, v.ordinal DESC
        ON CONFLICT ON CONSTRAINT pk_device_model_variables DO UPDATE SET
            value = EXCLUDED.value, mutability = EXCLUDED.mutability, data_type = EXCLUDED.data_type, unit = EXCLUDED.unit,
            min_limit = EXCLUDED.min_limit, max_limit = EXCLUDED.max_limit, values_list = EXCLUDED.values_list,
            reported_at = EXCLUDED.reported_at, request_id = EXCLUDED.request_id
        """;

    // For each station whose part completed its report: the rows of every other report go.
    private const string DeleteOlderSql = """
        DELETE FROM device_model_variables AS d
        USING unnest(@lastStations::text[], @lastRequestIds::integer[]) AS l(station_id, request_id)
        WHERE d.station_id = l.station_id AND d.request_id IS DISTINCT FROM l.request_id
        """;

    private readonly SqlRunner _sql;
    private readonly WriteBatcher<ReportPart> _batcher;

    public DeviceModelStore(SqlRunner sql, IOptions<WriteBatchingOptions> options, ILogger<DeviceModelStore> logger)
    {
        _sql = sql;
        _batcher = new WriteBatcher<ReportPart>("device model reports", StoreBatchAsync, options.Value, logger);
    }

    /// <summary>Stores the part, committed in a batch with other stations' parts before it completes.</summary>
    public Task RecordReportPartAsync(string stationId, NotifyReportRequest report, CancellationToken cancellationToken) =>
        _batcher.WriteAsync(new ReportPart(stationId, report), cancellationToken);

    /// <summary>One batch in one transaction; retried once, as both statements give the same rows when run again.</summary>
    internal Task StoreBatchAsync(IReadOnlyList<ReportPart> parts, CancellationToken cancellationToken)
    {
        var rows = DeviceModelRows.From(parts.Select(part => (part.StationId, part.Report)));
        var last = parts.Where(part => part.Report.Tbc != true).ToList();
        return _sql.RunAsync("store device model report parts", Subject(parts), SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (rows.Count > 0)
            {
                await using var upsert = new NpgsqlCommand(UpsertSql, connection);
                rows.Bind(upsert.Parameters);
                await upsert.ExecuteNonQueryAsync(ct);
            }

            if (last.Count > 0)
            {
                await using var delete = new NpgsqlCommand(DeleteOlderSql, connection);
                delete.Parameters.AddWithValue("lastStations", NpgsqlDbType.Array | NpgsqlDbType.Text, last.Select(part => part.StationId).ToArray());
                delete.Parameters.AddWithValue("lastRequestIds", NpgsqlDbType.Array | NpgsqlDbType.Integer, last.Select(part => part.Report.RequestId).ToArray());
                await delete.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return rows.Count;
        }, cancellationToken);
    }

    private static string Subject(IReadOnlyList<ReportPart> parts) => parts.Count == 1
        ? $"{parts[0].StationId} request {parts[0].Report.RequestId} seqNo {parts[0].Report.SeqNo}"
        : $"{parts.Count} report parts";

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    internal sealed record ReportPart(string StationId, NotifyReportRequest Report);
}
