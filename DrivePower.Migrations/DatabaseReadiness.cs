using System.Diagnostics;
using Npgsql;

namespace DrivePower.Migrations;

/// <summary>
/// Waits, bounded, until the PostgreSQL server accepts a connection to the database. A server that is
/// down or starting is waited for; a missing database or refused credentials fail at once.
/// </summary>
public static partial class DatabaseReadiness
{
    public static async Task WaitAsync(
        string connectionString, TimeSpan timeout, TimeSpan retryInterval, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var remaining = timeout - clock.Elapsed;
            builder.Timeout = (int)Math.Clamp(Math.Ceiling(remaining.TotalSeconds), 1, 15);
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                Log.DatabaseReachable(logger, builder.Host, attempt);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // The server is up but has no such database: waiting will not create it.
                throw new DatabaseSetupException(
                    $"The database \"{builder.Database}\" does not exist on {builder.Host}:{builder.Port}. Create it, then run the migrator again: "
                    + $"createdb -h {builder.Host} -p {builder.Port} -U {builder.Username} {builder.Database} (or in psql: CREATE DATABASE \"{builder.Database}\";)",
                    e);
            }
            catch (PostgresException e) when (e.SqlState.StartsWith("28", StringComparison.Ordinal))
            {
                // Wrong user or password: waiting will not fix it.
                throw new DatabaseSetupException($"The database refused the credentials: {e.MessageText}", e);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                Log.DatabaseNotReachable(logger, attempt, e.Message);
                if (clock.Elapsed + retryInterval > timeout)
                {
                    throw new TimeoutException(
                        $"The database at {builder.Host}:{builder.Port} did not accept connections within {timeout.TotalSeconds:0.#} s ({attempt} attempts): {e.Message}", e);
                }
            }

            await Task.Delay(retryInterval, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "DatabaseNotReachable", Level = LogLevel.Warning,
            Message = "Database not reachable yet (attempt {Attempt}): {Error}")]
        public static partial void DatabaseNotReachable(ILogger logger, int attempt, string error);

        [LoggerMessage(EventId = 2, EventName = "DatabaseReachable", Level = LogLevel.Information,
            Message = "Database at {Host} reachable after {Attempt} attempt(s)")]
        public static partial void DatabaseReachable(ILogger logger, string? host, int attempt);
    }
}
