using Microsoft.Extensions.Configuration;

namespace DrivePower.Database;

/// <summary>Where the CSMS database is: the one rule shared by the migration worker and the CSMS.</summary>
public static class CsmsDatabase
{
    /// <summary>The Aspire resource name; Aspire injects <c>ConnectionStrings__csmsdb</c>.</summary>
    public const string ConnectionName = "csmsdb";

    /// <summary>The fallback: a <c>postgres://</c> URL in the environment.</summary>
    public const string DatabaseUrlVariable = "DATABASE_URL";

    /// <summary>
    /// <c>ConnectionStrings:csmsdb</c> when set, else <c>DATABASE_URL</c> converted to a connection
    /// string; neither is an error that names both.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var url = configuration[DatabaseUrlVariable];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return DatabaseUrl.ToConnectionString(url);
        }

        throw new InvalidOperationException(
            $"No database configured: set ConnectionStrings:{ConnectionName} (environment ConnectionStrings__{ConnectionName}) or {DatabaseUrlVariable} (postgres://user:password@host:port/database).");
    }
}
