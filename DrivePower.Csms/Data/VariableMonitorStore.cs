using Dapper;
using DrivePower.Ocpp.Messages;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One monitor a station has, as the CSMS knows it.</summary>
public sealed record VariableMonitorRecord(
    int Id, string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string Variable, string? VariableInstance,
    string Type, decimal Value, int Severity, bool Transaction, string Origin, int? RequestId, DateTimeOffset UpdatedAt);

/// <summary>A station's monitors with the monitoring base and level it last accepted.</summary>
public sealed record StationMonitoring(string? MonitoringBase, int? MonitoringLevel, IReadOnlyList<VariableMonitorRecord> Monitors);

/// <summary>
/// The monitors on each station's variables (N02-N06): stored when the station accepts a SetVariableMonitoring
/// (under the id it gave) or reports them (NotifyMonitoringReport), removed when it clears them; a monitoring
/// base the station accepts replaces its custom monitors with its own set, so the stored ones go until the next report.
/// </summary>
public sealed class VariableMonitorStore(SqlRunner sql)
{
    private const string UpsertSql = """
        INSERT INTO variable_monitors (station_id, monitor_id, component_name, component_instance, evse_id, connector_id, variable_name,
            variable_instance, monitor_type, value, severity, transaction_only, origin, request_id, updated_at)
        SELECT @station, m.id, m.component, m.component_instance, m.evse, m.connector, m.variable, m.variable_instance, m.type, m.value,
            m.severity, m.transaction_only, @origin, @requestId, @at
        FROM unnest(@ids, @components, @componentInstances, @evses, @connectors, @variables, @variableInstances, @types, @values,
                    @severities, @transactionOnly)
            AS m(id, component, component_instance, evse, connector, variable, variable_instance, type, value, severity, transaction_only)
        ON CONFLICT ON CONSTRAINT pk_variable_monitors DO UPDATE SET
            component_name = EXCLUDED.component_name, component_instance = EXCLUDED.component_instance, evse_id = EXCLUDED.evse_id,
            connector_id = EXCLUDED.connector_id, variable_name = EXCLUDED.variable_name, variable_instance = EXCLUDED.variable_instance,
            monitor_type = EXCLUDED.monitor_type, value = EXCLUDED.value, severity = EXCLUDED.severity,
            transaction_only = EXCLUDED.transaction_only, origin = EXCLUDED.origin, request_id = EXCLUDED.request_id, updated_at = EXCLUDED.updated_at
        """;

    private const string DeleteSql = "DELETE FROM variable_monitors WHERE station_id = @station AND monitor_id = ANY(@ids)";

    private const string SetBaseSql = """
        WITH cleared AS (DELETE FROM variable_monitors WHERE station_id = @station)
        UPDATE stations SET monitoring_base = @base WHERE id = @station
        """;

    private const string SetLevelSql = "UPDATE stations SET monitoring_level = @level WHERE id = @station";

    private const string ListSql = """
        SELECT s.monitoring_base, s.monitoring_level, m.monitor_id, m.component_name, m.component_instance, m.evse_id, m.connector_id,
            m.variable_name, m.variable_instance, m.monitor_type, m.value, m.severity, m.transaction_only, m.origin, m.request_id, m.updated_at
        FROM (SELECT @station AS id) AS wanted
        LEFT JOIN stations AS s ON s.id = wanted.id
        LEFT JOIN variable_monitors AS m ON m.station_id = wanted.id
        ORDER BY m.monitor_id
        """;

    /// <summary>The monitors of a SetVariableMonitoring the station accepted (each result that is Accepted, under its id); returns how many.</summary>
    public Task<int> RecordSetAsync(string stationId, SetVariableMonitoringRequest request, SetVariableMonitoringResponse response, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The results answer the request's monitors in order; a result carries no value or transaction flag of its own.
        var accepted = response.SetMonitoringResult
            .Select((result, index) => (result, asked: index < request.SetMonitoringData.Count ? request.SetMonitoringData[index] : null))
            .Where(pair => pair.result is { Status: SetMonitoringStatus.Accepted, Id: not null } && pair.asked is not null)
            .Select(pair => new Monitor(pair.result.Id!.Value, pair.asked!.Component, pair.asked.Variable, pair.asked.Type, pair.asked.Value,
                pair.asked.Severity, pair.asked.Transaction ?? false))
            .ToList();
        return UpsertAsync(stationId, accepted, "Set", null, at, cancellationToken);
    }

    /// <summary>The monitors of one NotifyMonitoringReport part; returns how many.</summary>
    public Task<int> RecordReportAsync(string stationId, NotifyMonitoringReportRequest report, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var monitors = (report.Monitor ?? [])
            .SelectMany(data => data.VariableMonitoring.Select(m => new Monitor(m.Id, data.Component, data.Variable, m.Type, m.Value, m.Severity, m.Transaction)))
            .ToList();
        return UpsertAsync(stationId, monitors, "Reported", report.RequestId, at, cancellationToken);
    }

    public Task<int> RemoveAsync(string stationId, IReadOnlyList<int> monitorIds, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("remove variable monitors", $"{stationId} monitors {string.Join(',', monitorIds)}", SqlRetry.Idempotent, DeleteSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer, monitorIds.ToArray());
        }, cancellationToken);

    public Task<int> RecordBaseAsync(string stationId, MonitoringBase monitoringBase, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a monitoring base", $"{stationId} {monitoringBase}", SqlRetry.Idempotent, SetBaseSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("base", monitoringBase.ToString());
        }, cancellationToken);

    public Task<int> RecordLevelAsync(string stationId, int severity, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("store a monitoring level", $"{stationId} {severity}", SqlRetry.Idempotent, SetLevelSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("level", severity);
        }, cancellationToken);

    public Task<StationMonitoring> ReadAsync(string stationId, CancellationToken cancellationToken) =>
        sql.RunAsync("list variable monitors", stationId, SqlRetry.Idempotent, async (connection, ct) =>
        {
            // Each row is the station's columns, then a monitor's from monitor_id on; Dapper gives a null monitor
            // where monitor_id is NULL (a station without monitors: one row of the station alone).
            var rows = (await connection.QueryAsync<StationRow, MonitorRow?, (StationRow Station, MonitorRow? Monitor)>(
                new CommandDefinition(ListSql, new { station = stationId }, cancellationToken: ct),
                (station, monitor) => (station, monitor), splitOn: "monitor_id")).AsList();
            return new StationMonitoring(rows[0].Station.MonitoringBase, rows[0].Station.MonitoringLevel,
                [.. rows.Select(row => row.Monitor).OfType<MonitorRow>().Select(monitor => monitor.Record)]);
        }, cancellationToken);

    private Task<int> UpsertAsync(string stationId, IReadOnlyList<Monitor> monitors, string origin, int? requestId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (monitors.Count == 0)
            return Task.FromResult(0);
        return sql.ExecuteAsync("store variable monitors", $"{stationId} ({monitors.Count})", SqlRetry.Idempotent, UpsertSql, parameters =>
        {
            const NpgsqlDbType Texts = NpgsqlDbType.Array | NpgsqlDbType.Text;
            const NpgsqlDbType Integers = NpgsqlDbType.Array | NpgsqlDbType.Integer;
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("origin", origin);
            parameters.AddNullable("requestId", NpgsqlDbType.Integer, requestId);
            parameters.AddWithValue("at", at.ToUniversalTime());
            parameters.AddWithValue("ids", Integers, monitors.Select(m => m.Id).ToArray());
            parameters.AddWithValue("components", Texts, monitors.Select(m => m.Component.Name).ToArray());
            parameters.AddWithValue("componentInstances", Texts, monitors.Select(m => m.Component.Instance ?? "").ToArray());
            parameters.AddWithValue("evses", Integers, monitors.Select(m => m.Component.Evse?.Id ?? 0).ToArray());
            parameters.AddWithValue("connectors", Integers, monitors.Select(m => m.Component.Evse?.ConnectorId ?? 0).ToArray());
            parameters.AddWithValue("variables", Texts, monitors.Select(m => m.Variable.Name).ToArray());
            parameters.AddWithValue("variableInstances", Texts, monitors.Select(m => m.Variable.Instance ?? "").ToArray());
            parameters.AddWithValue("types", Texts, monitors.Select(m => m.Type.ToString()).ToArray());
            parameters.AddWithValue("values", NpgsqlDbType.Array | NpgsqlDbType.Numeric, monitors.Select(m => m.Value).ToArray());
            parameters.AddWithValue("severities", Integers, monitors.Select(m => m.Severity).ToArray());
            parameters.AddWithValue("transactionOnly", NpgsqlDbType.Array | NpgsqlDbType.Boolean, monitors.Select(m => m.Transaction).ToArray());
        }, cancellationToken);
    }

    private sealed record StationRow(string? MonitoringBase, int? MonitoringLevel);

    private sealed record MonitorRow(
        int MonitorId, string ComponentName, string ComponentInstance, int EvseId, int ConnectorId, string VariableName, string VariableInstance,
        string MonitorType, decimal Value, int Severity, bool TransactionOnly, string Origin, int? RequestId, DateTimeOffset UpdatedAt)
    {
        public VariableMonitorRecord Record => new(
            MonitorId, ComponentName, Blank(ComponentInstance), Zero(EvseId), Zero(ConnectorId), VariableName, Blank(VariableInstance),
            MonitorType, Value, Severity, TransactionOnly, Origin, RequestId, UpdatedAt);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static int? Zero(int id) => id == 0 ? null : id;

    private sealed record Monitor(int Id, Component Component, Variable Variable, MonitorType Type, decimal Value, int Severity, bool Transaction);
}
