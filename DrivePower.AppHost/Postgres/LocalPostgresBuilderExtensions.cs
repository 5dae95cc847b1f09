using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrivePower.AppHost.Postgres;

/// <summary>
/// PostgreSQL without a container: an init step (initdb the first time, a check of the data directory
/// after that), then the server on a port the AppHost picks, then the database, created once the
/// server answers. The data directory stays between runs.
/// </summary>
internal static partial class LocalPostgresBuilderExtensions
{
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, LocalPostgresInstall install, string serverName, string databaseName)
    {
        var password = install.Prepare();
        var init = builder.AddLocalPostgresInit(install);

        var (command, prefix) = install.Command("postgres");
        var server = new LocalPostgresServerResource(serverName, command, install.DataRoot, password);
        var serverHealth = $"{serverName}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            sp => ConnectionString(server, "postgres"), name: serverHealth);
        var serverBuilder = builder.AddResource(server)
            .WithArgs([.. prefix, "-D", install.DataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="])
            .WithArgs(context =>
            {
                context.Args.Add("-p");
                context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithIconName("DatabaseMultiple")
            .WaitForCompletion(init)
            .WithHealthCheck(serverHealth)
            .ExcludeFromManifest();

        var database = new LocalPostgresDatabaseResource(databaseName, server);
        var databaseHealth = $"{databaseName}_check";
        builder.Services.AddHealthChecks().AddNpgSql(sp => ConnectionString(server, databaseName), name: databaseHealth);
        // Aspire carries a container's state over to its databases, not an executable's: this does it here.
        serverBuilder.OnResourceReady((_, ready, cancellationToken) => StartDatabaseAsync(database, ready.Services, cancellationToken));

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, install.BinDirectory)],
            })
            .WithIconName("Database")
            .WithHealthCheck(databaseHealth)
            .ExcludeFromManifest();
    }

    /// <summary>initdb the first time (scram passwords, UTF-8); later runs only check the existing data directory.</summary>
    private static IResourceBuilder<ExecutableResource> AddLocalPostgresInit(
        this IDistributedApplicationBuilder builder, LocalPostgresInstall install)
    {
        string[] args;
        string program;
        if (install.IsInitialized)
        {
            program = "pg_controldata";
            args = ["-D", install.DataDirectory];
        }
        else
        {
            program = "initdb";
            args = ["-D", install.DataDirectory, "-U", LocalPostgresServerResource.UserName, "--pwfile", install.PasswordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"];
        }

        var (command, prefix) = install.Command(program);
        return builder.AddExecutable(StandTopology.PostgresInit, command, install.DataRoot, [.. prefix, .. args])
            .WithIconName("DatabaseArrowUp")
            .ExcludeFromManifest();
    }

    private static string ConnectionString(LocalPostgresServerResource server, string database)
    {
        var endpoint = server.Endpoint;
        return new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = LocalPostgresServerResource.UserName,
            Password = server.Password,
            Database = database,
        }.ConnectionString;
    }

    private static async Task StartDatabaseAsync(LocalPostgresDatabaseResource database, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        try
        {
            await CreateDatabaseAsync(database.Parent, database.DatabaseName, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            Log.CreateDatabaseFailed(services.GetRequiredService<ResourceLoggerService>().GetLogger(database), exception, database.DatabaseName);
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
            return;
        }

        await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
    }

    private static async Task CreateDatabaseAsync(LocalPostgresServerResource server, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(server, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;
        // An identifier cannot be a parameter: Npgsql quotes it.
        await using var create = new NpgsqlCommand($"create database {new NpgsqlCommandBuilder().QuoteIdentifier(database)}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Error, "Creating the database {Database} failed", EventName = "CreateDatabaseFailed")]
        public static partial void CreateDatabaseFailed(ILogger logger, Exception exception, string database);
    }
}
