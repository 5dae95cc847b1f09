using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Npgsql;

namespace DrivePower.Csms.Apis.Queries;

/// <summary>What the operator API reads about stations.</summary>
public sealed class StationQueries(SqlRunner sql)
{
    private const int RecentEventCount = 50;

    private const string StationsSql = """
        SELECT id, vendor_name, model, serial_number, firmware_version, modem_iccid, modem_imsi, last_boot_reason, registration_status,
               first_boot_at, last_boot_at, last_seen_at, firmware_status, firmware_status_request_id, firmware_status_at,
               log_status, log_status_request_id, log_status_at
        FROM stations WHERE (@id::text IS NULL OR id = @id) ORDER BY id
        """;

    private const string ConnectorsSql = """
        SELECT station_id, evse_id, connector_id, status, status_timestamp FROM station_connector_statuses
        WHERE (@id::text IS NULL OR station_id = @id) ORDER BY station_id, evse_id, connector_id
        """;

    private const string EventsSql = """
        SELECT id, kind, event_type, timestamp, payload::text AS payload, stored_at FROM station_events
        WHERE station_id = @id ORDER BY stored_at DESC, id DESC LIMIT @limit
        """;

    private const string VariablesSql = """
        SELECT component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, attribute_type,
               value, mutability, data_type, unit, request_id, reported_at
        FROM device_model_variables WHERE station_id = @id
        ORDER BY component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, attribute_type
        """;

    public Task<List<StationSummary>> ListAsync(Func<string, bool> isConnected, CancellationToken cancellationToken) =>
        sql.RunAsync("list the stations", "all", SqlRetry.Idempotent, async (connection, ct) =>
        {
            var stations = await ReadStationsAsync(connection, null, ct);
            var connectors = await ReadConnectorsAsync(connection, null, ct);
            return stations.Select(row => new StationSummary(row.Id, isConnected(row.Id), row.LastSeenAt, row.Boot,
                connectors.GetValueOrDefault(row.Id) ?? [])).ToList();
        }, cancellationToken);

    /// <summary>One station in full (active transactions left empty for the caller to fill), or null.</summary>
    public Task<StationDetails?> GetAsync(string id, bool connected, CancellationToken cancellationToken) =>
        sql.RunAsync("read the station", id, SqlRetry.Idempotent, async (connection, ct) =>
        {
            if ((await ReadStationsAsync(connection, id, ct)).FirstOrDefault() is not { } row)
                return null;
            var connectors = await ReadConnectorsAsync(connection, id, ct);
            return new StationDetails(row.Id, connected, row.LastSeenAt, row.Boot, connectors.GetValueOrDefault(id) ?? [],
                row.Firmware, row.Log, await ReadEventsAsync(connection, id, ct), await ReadVariablesAsync(connection, id, ct), []);
        }, cancellationToken);

    private sealed record StationRow(
        string Id, string? VendorName, string? Model, string? SerialNumber, string? FirmwareVersion, string? ModemIccid, string? ModemImsi,
        string? LastBootReason, string? RegistrationStatus, DateTimeOffset? FirstBootAt, DateTimeOffset? LastBootAt, DateTimeOffset? LastSeenAt,
        string? FirmwareStatus, int? FirmwareStatusRequestId, DateTimeOffset? FirmwareStatusAt,
        string? LogStatus, int? LogStatusRequestId, DateTimeOffset? LogStatusAt)
    {
        public StationBoot Boot => new(
            VendorName, Model, SerialNumber, FirmwareVersion, ModemIccid, ModemImsi, LastBootReason, RegistrationStatus, FirstBootAt, LastBootAt);

        public StatusReport? Firmware => FirmwareStatus is { } status ? new(status, FirmwareStatusRequestId, FirmwareStatusAt) : null;

        public StatusReport? Log => LogStatus is { } status ? new(status, LogStatusRequestId, LogStatusAt) : null;
    }

    /// <summary>A row of <see cref="ConnectorsSql"/> (the console's station list reads the same columns).</summary>
    internal sealed record ConnectorRow(string StationId, int EvseId, int ConnectorId, string Status, DateTimeOffset StatusTimestamp)
    {
        public ConnectorStatusInfo Info => new(EvseId, ConnectorId, Status, StatusTimestamp);
    }

    private sealed record VariableRow(
        string ComponentName, string ComponentInstance, int EvseId, int ConnectorId, string VariableName, string VariableInstance,
        string AttributeType, string? Value, string? Mutability, string? DataType, string? Unit, int? RequestId, DateTimeOffset ReportedAt)
    {
        public DeviceModelVariableInfo Info => new(
            ComponentName, NullIfEmpty(ComponentInstance), NullIfZero(EvseId), NullIfZero(ConnectorId), VariableName, NullIfEmpty(VariableInstance),
            AttributeType, Value, Mutability, DataType, Unit, RequestId, ReportedAt);
    }

    private static Task<List<StationRow>> ReadStationsAsync(NpgsqlConnection connection, string? id, CancellationToken ct) =>
        connection.QueryListAsync<StationRow>(StationsSql, new { id }, ct);

    private static async Task<Dictionary<string, List<ConnectorStatusInfo>>> ReadConnectorsAsync(NpgsqlConnection connection, string? id, CancellationToken ct)
    {
        var rows = await connection.QueryListAsync<ConnectorRow>(ConnectorsSql, new { id }, ct);
        return rows.GroupBy(row => row.StationId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(row => row.Info).ToList(), StringComparer.Ordinal);
    }

    private static Task<List<StationEventInfo>> ReadEventsAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        connection.QueryListAsync<StationEventInfo>(EventsSql, new { id, limit = RecentEventCount }, ct);

    private static async Task<List<DeviceModelVariableInfo>> ReadVariablesAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        (await connection.QueryListAsync<VariableRow>(VariablesSql, new { id }, ct)).ConvertAll(row => row.Info);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
