namespace DrivePower.AppHost.Postgres;

/// <summary>A PostgreSQL server run from local binaries; its connection string reaches the maintenance database.</summary>
internal sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public const string UserName = "postgres";

    public string Password { get; } = password;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}

/// <summary>A database on a <see cref="LocalPostgresServerResource"/>; created when the server is ready.</summary>
internal sealed class LocalPostgresDatabaseResource(string name, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresServerResource Parent { get; } = parent;

    public string DatabaseName => Name;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
