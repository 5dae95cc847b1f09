using System.Text.Json;
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

    private sealed record StationRow(string Id, DateTimeOffset? LastSeenAt, StationBoot Boot, StatusReport? Firmware, StatusReport? Log);

    private static async Task<List<StationRow>> ReadStationsAsync(NpgsqlConnection connection, string? id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StationsSql, connection);
        command.Parameters.AddNullable("id", NpgsqlTypes.NpgsqlDbType.Text, id);
        return await command.ReadAllAsync(row => new StationRow(
            row.Get<string>("id")!,
            row.Get<DateTimeOffset?>("last_seen_at"),
            new StationBoot(row.Get<string>("vendor_name"), row.Get<string>("model"), row.Get<string>("serial_number"),
                row.Get<string>("firmware_version"), row.Get<string>("modem_iccid"), row.Get<string>("modem_imsi"),
                row.Get<string>("last_boot_reason"), row.Get<string>("registration_status"),
                row.Get<DateTimeOffset?>("first_boot_at"), row.Get<DateTimeOffset?>("last_boot_at")),
            row.Get<string>("firmware_status") is { } firmware
                ? new StatusReport(firmware, row.Get<int?>("firmware_status_request_id"), row.Get<DateTimeOffset?>("firmware_status_at")) : null,
            row.Get<string>("log_status") is { } log
                ? new StatusReport(log, row.Get<int?>("log_status_request_id"), row.Get<DateTimeOffset?>("log_status_at")) : null), ct);
    }

    private static async Task<Dictionary<string, List<ConnectorStatusInfo>>> ReadConnectorsAsync(NpgsqlConnection connection, string? id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ConnectorsSql, connection);
        command.Parameters.AddNullable("id", NpgsqlTypes.NpgsqlDbType.Text, id);
        var rows = await command.ReadAllAsync(row => (StationId: row.Get<string>("station_id")!, Status: new ConnectorStatusInfo(
            row.Get<int>("evse_id"), row.Get<int>("connector_id"), row.Get<string>("status")!, row.Get<DateTimeOffset>("status_timestamp"))), ct);
        return rows.GroupBy(row => row.StationId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(row => row.Status).ToList(), StringComparer.Ordinal);
    }

    private static async Task<List<StationEventInfo>> ReadEventsAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(EventsSql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("limit", RecentEventCount);
        return await command.ReadAllAsync(row => new StationEventInfo(row.Get<long>("id"), row.Get<string>("kind")!, row.Get<string>("event_type"),
            row.Get<DateTimeOffset>("timestamp"), ParseJson(row.Get<string>("payload")!), row.Get<DateTimeOffset>("stored_at")), ct);
    }

    private static async Task<List<DeviceModelVariableInfo>> ReadVariablesAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(VariablesSql, connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ReadAllAsync(row => new DeviceModelVariableInfo(
            row.Get<string>("component_name")!, NullIfEmpty(row.Get<string>("component_instance")),
            NullIfZero(row.Get<int>("evse_id")), NullIfZero(row.Get<int>("connector_id")),
            row.Get<string>("variable_name")!, NullIfEmpty(row.Get<string>("variable_instance")), row.Get<string>("attribute_type")!,
            row.Get<string>("value"), row.Get<string>("mutability"), row.Get<string>("data_type"), row.Get<string>("unit"),
            row.Get<int?>("request_id"), row.Get<DateTimeOffset>("reported_at")), ct);
    }

    internal static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
