using Npgsql;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Seeds what a test needs in the database (reads go through <see cref="Sql"/>).</summary>
public static class Db
{
    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
