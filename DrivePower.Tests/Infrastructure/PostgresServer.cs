using System.Text.RegularExpressions;
using Npgsql;

namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for tests.
/// <list type="bullet">
/// <item><c>DRIVEPOWER_TEST_POSTGRES</c>: connection string of a server to use (the user needs CREATEDB);
/// <see cref="SharedAsync"/> then returns that server.</item>
/// <item>Otherwise <see cref="SharedAsync"/> starts one throwaway server per test process: initdb into
/// a temp directory, pg_ctl on a free loopback port, stopped and deleted at exit.</item>
/// <item><c>DRIVEPOWER_PG_BIN</c>: the server's bin directory (default: newest /usr/lib/postgresql/*/bin).
/// As root, the binaries run as the <c>postgres</c> user.</item>
/// </list>
/// Tests that stop and start the server use <see cref="StartThrowawayAsync"/>: a server of their own.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(CreateSharedAsync);

    private readonly ThrowawayCluster? _cluster;

    private PostgresServer(string connectionString, ThrowawayCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    /// <summary>Connection string of the maintenance database (<c>postgres</c>) as a superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this process started the server and may stop it.</summary>
    public bool IsThrowaway => _cluster is not null;

    /// <summary>The server every test class shares; never dispose it.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>Starts a server of the caller's own, whatever DRIVEPOWER_TEST_POSTGRES says.</summary>
    public static async Task<PostgresServer> StartThrowawayAsync()
    {
        var cluster = await ThrowawayCluster.CreateAsync();
        return new PostgresServer(cluster.ConnectionString, cluster);
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null)
    {
        var prefix = NotIdentifierCharacters().Replace((namePrefix ?? "test").ToLowerInvariant(), "_");
        var name = $"dp_{prefix[..Math.Min(prefix.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";
        // CREATE DATABASE takes no parameters; the name is built here from [a-z0-9_] only.
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Creates a database and brings it up to the latest schema with the real migrations.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string? namePrefix = null)
    {
        var connectionString = await CreateDatabaseAsync(namePrefix);
        TestDatabase.MigrateUp(connectionString);
        return connectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database ?? string.Empty;
        if (!name.StartsWith("dp_", StringComparison.Ordinal) || NotIdentifierCharacters().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a test database.", nameof(connectionString));
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Stops a throwaway server (fast shutdown); its port and data are kept for <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => Cluster.StopAsync("fast");

    /// <summary>Starts a stopped throwaway server again on the same port.</summary>
    public Task StartAsync() => Cluster.StartAsync();

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private ThrowawayCluster Cluster => _cluster
        ?? throw new InvalidOperationException("Only a throwaway server can be stopped and started; use PostgresServer.StartThrowawayAsync().");

    private static async Task<PostgresServer> CreateSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable("DRIVEPOWER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, cluster: null);
        }

        var server = await StartThrowawayAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();
}
