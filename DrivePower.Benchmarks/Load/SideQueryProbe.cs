using System.Diagnostics;
using Npgsql;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// What a user's <c>psql</c> meets while the stations are under load: a new connection of its own (no
/// pool) that opens and runs a query on the CSMS's tables. The figure, or the error the user would see.
/// </summary>
internal static class SideQueryProbe
{
    public static async Task<string> RunAsync(string connectionString, string prefix)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 10, ApplicationName = "load-side-query" };
        var started = Stopwatch.StartNew();
        try
        {
            await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT count(*) FROM stations WHERE id LIKE @prefix", connection);
            query.Parameters.AddWithValue("prefix", prefix + "%");
            var stations = (long)(await query.ExecuteScalarAsync())!;
            return $"connected and counted {stations} stations in {started.Elapsed.TotalMilliseconds:0} ms";
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return $"failed after {started.Elapsed.TotalMilliseconds:0} ms: {exception.Message}";
        }
    }
}
