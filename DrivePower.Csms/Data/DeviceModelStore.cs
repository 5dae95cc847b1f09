using DrivePower.Ocpp.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// NotifyReport into <c>device_model_variables</c>: every part is upserted as it arrives (so nothing
/// acknowledged is lost) and tagged with its requestId; the last part (tbc false or absent) then deletes
/// the station's rows of other reports, so the newest complete report replaces the older one.
/// </summary>
public sealed class DeviceModelStore(SqlRunner sql)
{
    // DISTINCT ON keeps the last of repeated keys within one part: ON CONFLICT may touch a row only once.
    private const string UpsertSql = """
        INSERT INTO device_model_variables (station_id, component_name, component_instance, evse_id, connector_id, variable_name,
            variable_instance, attribute_type, value, mutability, data_type, unit, min_limit, max_limit, values_list, reported_at, request_id)
        SELECT DISTINCT ON (v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance, v.attribute_type)
            @station, v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance, v.attribute_type,
            v.value, v.mutability, v.data_type, v.unit, v.min_limit, v.max_limit, v.values_list, @reportedAt, @requestId
        FROM unnest(@components, @componentInstances, @evses, @connectors, @variables, @variableInstances, @attributeTypes,
                    @values, @mutabilities, @dataTypes, @units, @minLimits, @maxLimits, @valuesLists)
            WITH ORDINALITY AS v(component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, attribute_type,
                                 value, mutability, data_type, unit, min_limit, max_limit, values_list, ordinal)
        ORDER BY v.component_name, v.component_instance, v.evse_id, v.connector_id, v.variable_name, v.variable_instance, v.attribute_type,
                 v.ordinal DESC
        ON CONFLICT ON CONSTRAINT pk_device_model_variables DO UPDATE SET
            value = EXCLUDED.value, mutability = EXCLUDED.mutability, data_type = EXCLUDED.data_type, unit = EXCLUDED.unit,
            min_limit = EXCLUDED.min_limit, max_limit = EXCLUDED.max_limit, values_list = EXCLUDED.values_list,
            reported_at = EXCLUDED.reported_at, request_id = EXCLUDED.request_id
        """;

    private const string DeleteOlderSql = """
        DELETE FROM device_model_variables WHERE station_id = @station AND request_id IS DISTINCT FROM @requestId
        """;

    public Task RecordReportPartAsync(string stationId, NotifyReportRequest report, CancellationToken cancellationToken)
    {
        var rows = DeviceModelRows.From(report.ReportData ?? []);
        var last = report.Tbc != true;
        return sql.RunAsync("store a device model report part", $"{stationId} request {report.RequestId} seqNo {report.SeqNo}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (rows.Count > 0)
            {
                await using var upsert = new NpgsqlCommand(UpsertSql, connection);
                upsert.Parameters.AddWithValue("station", stationId);
                upsert.Parameters.AddWithValue("reportedAt", report.GeneratedAt.ToUniversalTime());
                upsert.Parameters.AddWithValue("requestId", report.RequestId);
                rows.Bind(upsert.Parameters);
                await upsert.ExecuteNonQueryAsync(ct);
            }

            if (last)
            {
                await using var delete = new NpgsqlCommand(DeleteOlderSql, connection);
                delete.Parameters.AddWithValue("station", stationId);
                delete.Parameters.AddWithValue("requestId", NpgsqlDbType.Integer, report.RequestId);
                await delete.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return rows.Count;
        }, cancellationToken);
    }
}
