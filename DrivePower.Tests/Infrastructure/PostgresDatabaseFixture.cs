using Npgsql;

namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// Class fixture: an empty database of the test class's own on the shared server
/// (<see cref="PostgresServer.SharedAsync"/>), dropped when the class is done.
/// Use: <c>public sealed class FooTests(PostgresDatabaseFixture db) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _connectionString;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Connection string of this fixture's database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A data source for the database; the caller disposes it.</summary>
    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public virtual async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _connectionString = await _server.CreateDatabaseAsync(GetType().Name.Replace("Fixture", string.Empty, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString);
        }
    }
}

/// <summary>Class fixture: like <see cref="PostgresDatabaseFixture"/>, with every migration applied.</summary>
public sealed class MigratedDatabaseFixture : PostgresDatabaseFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        TestDatabase.MigrateUp(ConnectionString);
    }
}
