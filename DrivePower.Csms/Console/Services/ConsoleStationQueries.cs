using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Apis.Queries;
using DrivePower.Csms.Data;

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
            var parameters = new
            {
                pattern = LikePattern.Contains(filter.Search),
                registration = filter.RegistrationStatus,
                connected = filter.Connected is null ? null : connectedIds.ToArray(),
                wantConnected = filter.Connected ?? true,
                connectorStatus = filter.ConnectorStatus,
                limit = filter.PageSize,
                offset = filter.Page * filter.PageSize,
            };
            var rows = await connection.QueryListAsync<PageRow>(PageSql, parameters, ct);
            var connectors = (await connection.QueryListAsync<StationQueries.ConnectorRow>(ConnectorsSql, new { ids = rows.Select(row => row.Id).ToArray() }, ct))
                .ToLookup(row => row.StationId, row => row.Info, StringComparer.Ordinal);
            return new StationListPage([.. rows.Select(row => row.ToListRow([.. connectors[row.Id]]))], rows.Count > 0 ? rows[0].Total : 0);
        }, cancellationToken);

    private sealed record PageRow(
        string Id, string? VendorName, string? Model, string? FirmwareVersion, string? RegistrationStatus,
        DateTimeOffset? LastSeenAt, DateTimeOffset? LastBootAt, long Total)
    {
        public StationListRow ToListRow(IReadOnlyList<ConnectorStatusInfo> connectors) =>
            new(Id, VendorName, Model, FirmwareVersion, RegistrationStatus, LastSeenAt, LastBootAt, connectors);
    }
}

/// <summary>What the station list is narrowed to; <see cref="Page"/> counts from 0.</summary>
public sealed record StationFilter(
    string? Search = null, string? RegistrationStatus = null, bool? Connected = null, string? ConnectorStatus = null, int Page = 0, int PageSize = 50);

public sealed record StationListRow(
    string Id, string? Vendor, string? Model, string? FirmwareVersion, string? RegistrationStatus,
    DateTimeOffset? LastSeenAt, DateTimeOffset? LastBootAt, IReadOnlyList<ConnectorStatusInfo> Connectors);

public sealed record StationListPage(IReadOnlyList<StationListRow> Rows, long Total);
