using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Operator;

public sealed class DocumentationTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_operator_endpoints_and_the_API_page_is_served()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        var document = await csms.Http.GetJsonAsync("/openapi/v1.json");
        using var page = await csms.Http.GetAsync("/scalar");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/stations", paths);
        Assert.Contains("/api/stations/{id}", paths);
        Assert.Contains("/api/stations/{stationId}/commands/Reset", paths);
        Assert.Contains("/api/commands", paths);
        Assert.Contains("/api/journal", paths);
        Assert.Contains("/api/journal/{id}", paths);
        Assert.Contains("/api/journal/live", paths);
        Assert.Contains("/api/transactions", paths);
        Assert.Contains("/api/transactions/stale", paths);
        Assert.Contains("/api/transactions/{id}/end", paths);
        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/id-tokens", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/ocpp", StringComparison.Ordinal));
        Assert.Equal(200, (int)page.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync("/api/nothing-here");

        await response.ProblemAsync(404);
    }
}
