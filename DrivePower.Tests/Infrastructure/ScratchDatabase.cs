namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test on the shared server, dropped on dispose:
/// <c>await using var db = await ScratchDatabase.CreateAsync();</c>.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private ScratchDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string? namePrefix = null, bool migrated = false)
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = migrated
            ? await server.CreateMigratedDatabaseAsync(namePrefix)
            : await server.CreateDatabaseAsync(namePrefix);
        return new ScratchDatabase(server, connectionString);
    }

    public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(ConnectionString);
}
