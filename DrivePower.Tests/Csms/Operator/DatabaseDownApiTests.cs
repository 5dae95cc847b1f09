using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Csms.Operator;

public sealed class DatabaseDownApiTests
{
    [Fact]
    public async Task Without_its_database_the_API_answers_503_problems()
    {
        var server = await PostgresServer.SharedAsync();
        var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "dp_no_such_database" }.ConnectionString;
        await using var csms = await CsmsTestHost.StartAsync(missing);

        using var stations = await csms.Http.GetAsync("/api/stations");
        using var transactions = await csms.Http.GetAsync("/api/transactions");

        await stations.ProblemAsync(503);
        await transactions.ProblemAsync(503);
    }
}
