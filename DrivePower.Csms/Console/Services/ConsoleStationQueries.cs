using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.WebConsole.Services;

/// <summary>One page of the station list, filtered in the database (the stand may hold 15,000 stations).</summary>
public sealed class ConsoleStationQueries(SqlRunner sql)
{
    // count(*) OVER () is the number of matches before LIMIT: the pager's total, in the same statement.
    private const string PageSql = """
        SELECT s.id, s.vendor_name, s.model, s.firmware_version, s.registration_status, s.last_seen_at, s.last_boot_at,
               count(*) OVER () AS total
        FROM stations s
        WHERE (@pattern::text IS NULL OR s.id ILIKE @pattern OR s.vendor_name ILIKE @pattern OR s.model ILIKE @pattern
               OR s.firmware_version ILIKE @pattern OR s.serial_number ILIKE @pattern)
          AND (@registration::text IS NULL OR s.registration_status = @registration)
          AND (@connected::text[] IS NULL OR (s.id = ANY(@connected)) = @wantConnected)
          AND (@connectorStatus::text IS NULL OR EXISTS (
               SELECT 1 FROM station_connector_statuses c WHERE c.station_id = s.id AND c.status = @connectorStatus))
        ORDER BY s.id
        LIMIT @limit OFFSET @offset
        """;

    private const string ConnectorsSql = """
        SELECT station_id, evse_id, connector_id, status, status_timestamp FROM station_connector_statuses
        WHERE station_id = ANY(@ids) ORDER BY station_id, evse_id, connector_id
        """;

    public Task<StationListPage> ListAsync(StationFilter filter, IReadOnlyCollection<string> connectedIds, CancellationToken cancellationToken) =>
        sql.RunAsync("list a page of stations", filter.ToString(), SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(PageSql, connection);
            command.Parameters.AddNullable("pattern", NpgsqlDbType.Text, LikePattern.Contains(filter.Search));
            command.Parameters.AddNullable("registration", NpgsqlDbType.Text, filter.RegistrationStatus);
            command.Parameters.AddNullable("connected", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.Connected is null ? null : connectedIds.ToArray());
            command.Parameters.AddWithValue("wantConnected", filter.Connected ?? true);
            command.Parameters.AddNullable("connectorStatus", NpgsqlDbType.Text, filter.ConnectorStatus);
            command.Parameters.AddWithValue("limit", filter.PageSize);
            command.Parameters.AddWithValue("offset", filter.Page * filter.PageSize);
            var rows = await command.ReadAllAsync(row => (Total: row.Get<long>("total"), Row: new StationListRow(
                row.Get<string>("id")!, row.Get<string>("vendor_name"), row.Get<string>("model"), row.Get<string>("firmware_version"),
                row.Get<string>("registration_status"), row.Get<DateTimeOffset?>("last_seen_at"), row.Get<DateTimeOffset?>("last_boot_at"), [])), ct);

            var ids = rows.Select(row => row.Row.Id).ToArray();
            await using var connectors = new NpgsqlCommand(ConnectorsSql, connection);
            connectors.Parameters.AddWithValue("ids", ids);
            var statuses = (await connectors.ReadAllAsync(row => (StationId: row.Get<string>("station_id")!, Status: new ConnectorStatusInfo(
                row.Get<int>("evse_id"), row.Get<int>("connector_id"), row.Get<string>("status")!, row.Get<DateTimeOffset>("status_timestamp"))), ct))
                .ToLookup(row => row.StationId, row => row.Status, StringComparer.Ordinal);
            var total = rows.Count > 0 ? rows[0].Total : 0;
            return new StationListPage([.. rows.Select(row => row.Row with { Connectors = [.. statuses[row.Row.Id]] })], total);
        }, cancellationToken);
}

/// <summary>What the station list is narrowed to; <see cref="Page"/> counts from 0.</summary>
public sealed record StationFilter(
    string? Search = null, string? RegistrationStatus = null, bool? Connected = null, string? ConnectorStatus = null, int Page = 0, int PageSize = 50);

public sealed record StationListRow(
    string Id, string? Vendor, string? Model, string? FirmwareVersion, string? RegistrationStatus,
    DateTimeOffset? LastSeenAt, DateTimeOffset? LastBootAt, IReadOnlyList<ConnectorStatusInfo> Connectors);

public sealed record StationListPage(IReadOnlyList<StationListRow> Rows, long Total);
