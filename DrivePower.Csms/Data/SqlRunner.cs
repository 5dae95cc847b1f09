using System.Diagnostics;
using Dapper;
using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>
/// Runs one database operation on a pooled connection, logging what it is about to do and then its
/// success or error. A transient failure (a pooled connection broken by a server restart, say) is
/// retried once if the operation is <see cref="SqlRetry.Idempotent"/>, never if it is
/// <see cref="SqlRetry.Once"/> (its first attempt may have committed); a value the server refuses (SQLSTATE class 22) becomes a
/// <see cref="StorageRejectedValueException"/> (bad input, not an outage), a write that conflicts with what is stored (class 23)
/// a <see cref="StorageConflictException"/> (a race or a bug, not an outage either); any other database failure
/// becomes a <see cref="StorageUnavailableException"/>. Anything else (an <see cref="InvalidOperationException"/>
/// from misusing Npgsql, say) is a bug, not an outage, and is thrown as it is. Text from outside is logged escaped (<see cref="LogText"/>).
/// </summary>
public sealed partial class SqlRunner(NpgsqlDataSource dataSource, ILogger<SqlRunner> logger)
{
    /// <summary>SQLSTATE class 22, "data exception": the statement was fine, a value in it was not.</summary>
    private const string DataExceptionClass = "22";

    /// <summary>SQLSTATE class 23, "integrity constraint violation": a foreign key, unique or check constraint.</summary>
    private const string IntegrityConstraintClass = "23";

    static SqlRunner() => DapperSetup.Configure();

    public async Task<T> RunAsync<T>(
        string operation, string subject, SqlRetry retry, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        subject = LogText.Safe(subject);
        Log.Starting(logger, operation, subject);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var result = await work(connection, cancellationToken);
                Log.Succeeded(logger, operation, subject, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch (PostgresException exception) when (exception.SqlState.StartsWith(DataExceptionClass, StringComparison.Ordinal))
            {
                Log.ValueRefused(logger, operation, subject, exception.SqlState, LogText.Safe(exception.MessageText));
                throw new StorageRejectedValueException(operation, exception.SqlState, exception);
            }
            catch (PostgresException exception) when (exception.SqlState.StartsWith(IntegrityConstraintClass, StringComparison.Ordinal))
            {
                Log.Conflict(logger, operation, subject, exception.SqlState, LogText.Safe(exception.MessageText));
                throw new StorageConflictException(operation, exception.SqlState, exception.ConstraintName, exception);
            }
            catch (NpgsqlException exception) when (retry == SqlRetry.Idempotent && attempt == 1 && exception.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                Log.Retrying(logger, operation, subject, LogText.Safe(exception.Message));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                Log.Failed(logger, operation, subject, LogText.Safe(exception.Message));
                throw new StorageUnavailableException(operation, exception);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.Failed(logger, operation, subject, LogText.Safe(exception.Message));
                throw; // a bug (an InvalidOperationException from misusing Npgsql, say): not an outage
            }
        }
    }

    public Task<int> ExecuteAsync(
        string operation, string subject, SqlRetry retry, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken) =>
        RunAsync(operation, subject, retry, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            bind(command.Parameters);
            // Prepared: the stations' batched writes run the same statements hundreds of times a second,
            // and parsing and planning them each time was a sixth of PostgreSQL's CPU under load. Npgsql
            // keeps a connection's prepared statements across pool rentals, so this is a lookup after the
            // first time. Reads are not prepared: a generic plan for their optional filters could scan.
            await command.PrepareAsync(token);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    /// <summary>The rows of one statement, mapped by Dapper (see <see cref="DapperSetup"/>).</summary>
    public Task<List<T>> QueryAsync<T>(
        string operation, string subject, SqlRetry retry, string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(operation, subject, retry, (connection, token) => connection.QueryListAsync<T>(sql, parameters, token), cancellationToken);

    /// <summary>The first row of one statement mapped by Dapper, or null when it has none.</summary>
    public Task<T?> QueryFirstOrDefaultAsync<T>(
        string operation, string subject, SqlRetry retry, string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(operation, subject, retry,
            (connection, token) => connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: token)), cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Information, "SQL {Operation} for {Subject}: starting", EventName = "SqlStarting")]
        public static partial void Starting(ILogger logger, string operation, string subject);

        [LoggerMessage(101, LogLevel.Information, "SQL {Operation} for {Subject}: succeeded in {ElapsedMs:0.0} ms", EventName = "SqlSucceeded")]
        public static partial void Succeeded(ILogger logger, string operation, string subject, double elapsedMs);

        [LoggerMessage(102, LogLevel.Warning, "SQL {Operation} for {Subject}: transient failure, retrying once: {Error}", EventName = "SqlRetrying")]
        public static partial void Retrying(ILogger logger, string operation, string subject, string error);

        [LoggerMessage(103, LogLevel.Error, "SQL {Operation} for {Subject}: failed: {Error}", EventName = "SqlFailed")]
        public static partial void Failed(ILogger logger, string operation, string subject, string error);

        [LoggerMessage(150, LogLevel.Warning, "SQL {Operation} for {Subject}: the database refused a value (SQLSTATE {SqlState}): {Error}", EventName = "SqlValueRefused")]
        public static partial void ValueRefused(ILogger logger, string operation, string subject, string sqlState, string error);

        [LoggerMessage(151, LogLevel.Warning, "SQL {Operation} for {Subject}: the database refused a conflicting write (SQLSTATE {SqlState}): {Error}", EventName = "SqlConflict")]
        public static partial void Conflict(ILogger logger, string operation, string subject, string sqlState, string error);
    }
}
