using DrivePower.Csms.Data;
using DrivePower.Csms.WebConsole.Services;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrivePower.Tests.Console;

/// <summary>The console's station list is filtered and paged in PostgreSQL, so 15,000 stations are one page, not one table.</summary>
public sealed class StationListQueryTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Search_registration_connection_and_connector_status_narrow_the_list_and_pages_count_every_match()
    {
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO stations (id, vendor_name, model, firmware_version, registration_status)
            SELECT 'LIST-' || lpad(n::text, 4, '0'), CASE WHEN n % 2 = 0 THEN 'Even_Vendor' ELSE 'OddVendor' END, 'M' || (n % 3),
                   '1.' || n, CASE WHEN n % 5 = 0 THEN 'Pending' ELSE 'Accepted' END
            FROM generate_series(1, 120) AS n;
            INSERT INTO station_connector_statuses (station_id, evse_id, connector_id, status, status_timestamp)
            SELECT 'LIST-' || lpad(n::text, 4, '0'), 1, 1, CASE WHEN n = 7 THEN 'Faulted' ELSE 'Available' END, now()
            FROM generate_series(1, 120) AS n;
            SELECT 1;
            """);
        await using var dataSource = database.CreateDataSource();
        var queries = new ConsoleStationQueries(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));
        string[] connected = ["LIST-0001", "LIST-0002", "LIST-0003"];

        var firstPage = await queries.ListAsync(new StationFilter(Search: "list-"), connected, CancellationToken.None);
        var lastPage = await queries.ListAsync(new StationFilter(Search: "LIST-", Page: 2), connected, CancellationToken.None);
        var even = await queries.ListAsync(new StationFilter(Search: "even_"), connected, CancellationToken.None);
        var underscoreIsLiteral = await queries.ListAsync(new StationFilter(Search: "Odd_"), connected, CancellationToken.None);
        var pending = await queries.ListAsync(new StationFilter(RegistrationStatus: "Pending"), connected, CancellationToken.None);
        var online = await queries.ListAsync(new StationFilter(Connected: true), connected, CancellationToken.None);
        var offline = await queries.ListAsync(new StationFilter(Search: "LIST-", Connected: false), connected, CancellationToken.None);
        var faulted = await queries.ListAsync(new StationFilter(ConnectorStatus: "Faulted"), connected, CancellationToken.None);

        Assert.Equal((50, 120L), (firstPage.Rows.Count, firstPage.Total));
        Assert.Equal("LIST-0001", firstPage.Rows[0].Id);
        Assert.Equal("Available", firstPage.Rows[0].Connectors.Single().Status);
        Assert.Equal(["LIST-0101", "LIST-0120"], new[] { lastPage.Rows[0].Id, lastPage.Rows[^1].Id });
        Assert.Equal(60, even.Total);
        Assert.Equal(0, underscoreIsLiteral.Total);
        Assert.Equal(24, pending.Total);
        Assert.Equal(connected, online.Rows.Select(row => row.Id));
        Assert.Equal(117, offline.Total);
        Assert.Equal("LIST-0007", faulted.Rows.Single().Id);
    }

    [Fact]
    public async Task With_15000_stations_connected_a_page_is_50_rows_with_the_total_and_a_search_finds_the_one()
    {
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO stations (id, vendor_name, model, registration_status)
            SELECT 'LARGE-' || lpad(n::text, 5, '0'), 'Vendor', 'Model', 'Accepted' FROM generate_series(1, 15000) AS n;
            SELECT 1;
            """);
        await using var dataSource = database.CreateDataSource();
        var queries = new ConsoleStationQueries(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance));
        var connected = Enumerable.Range(1, 15000).Select(n => $"LARGE-{n:00000}").ToArray();

        var page = await queries.ListAsync(new StationFilter(Search: "LARGE-", Connected: true, Page: 299), connected, CancellationToken.None);
        var one = await queries.ListAsync(new StationFilter(Search: "large-12345"), connected, CancellationToken.None);

        Assert.Equal((50, 15000L), (page.Rows.Count, page.Total));
        Assert.Equal("LARGE-15000", page.Rows[^1].Id);
        Assert.Equal("LARGE-12345", one.Rows.Single().Id);
    }
}
