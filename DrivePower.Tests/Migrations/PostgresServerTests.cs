using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Migrations;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_throwaway_server_goes_away_and_comes_back_with_its_data()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("comeback");
        await ExecuteAsync(connectionString, "CREATE TABLE kept (id int)");

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "SELECT 1"));
        await server.StartAsync();

        await ExecuteAsync(connectionString, "INSERT INTO kept VALUES (1)");
    }

    [Fact]
    public async Task Each_created_database_is_new_and_empty()
    {
        var server = await PostgresServer.SharedAsync();

        var first = await server.CreateDatabaseAsync("empty");
        var second = await server.CreateDatabaseAsync("empty");
        try
        {
            Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
            Assert.Empty(await SchemaInspector.TablesAsync(first));
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
