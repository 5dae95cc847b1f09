using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Where the CSMS database is: <c>ConnectionStrings:csmsdb</c> (what Aspire injects as
/// <c>ConnectionStrings__csmsdb</c>), else <c>DATABASE_URL</c> in
/// <c>postgres://user:pass@host:port/db?sslmode=disable</c> form. Shared by the CSMS and the migrator.
/// </summary>
public static class CsmsDatabase
{
    public const string ConnectionName = "csmsdb";
    public const string DatabaseUrlKey = "DATABASE_URL";

    /// <summary>The Npgsql connection string, or an exception whose message names both settings.</summary>
    public static string ResolveConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return connectionString;

        var url = configuration[DatabaseUrlKey];
        if (!string.IsNullOrWhiteSpace(url))
            return FromDatabaseUrl(url);

        throw new InvalidOperationException(
            $"No database configured: set ConnectionStrings:{ConnectionName} (environment ConnectionStrings__{ConnectionName}) " +
            $"or {DatabaseUrlKey} (postgres://user:password@host:5432/database?sslmode=disable).");
    }

    /// <summary>Turns a <c>postgres://</c> URL into an Npgsql connection string.</summary>
    public static string FromDatabaseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new InvalidOperationException($"{DatabaseUrlKey} must look like postgres://user:password@host:5432/database?sslmode=disable.");

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (string.IsNullOrEmpty(uri.Host) || string.IsNullOrEmpty(database))
            throw new InvalidOperationException($"{DatabaseUrlKey} must name a host and a database.");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);

        foreach (var (key, value) in ParseQuery(uri.Query))
        {
            if (key == "sslmode")
                builder.SslMode = value switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new InvalidOperationException($"{DatabaseUrlKey}: unknown sslmode '{value}'."),
                };
        }

        return builder.ConnectionString;
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : ""));
}
