using Npgsql;

namespace DrivePower.Database;

/// <summary>
/// Converts a <c>postgres://user:pass@host:port/db?sslmode=disable</c> URL (the DATABASE_URL
/// convention) into an Npgsql connection string.
/// </summary>
public static class DatabaseUrl
{
    private const int DefaultPort = 5432;

    public static string ToConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            throw new FormatException("DATABASE_URL is not a valid URL; expected postgres://user:password@host:port/database.");
        }

        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new FormatException($"DATABASE_URL has the scheme '{uri.Scheme}'; only postgres:// and postgresql:// are supported.");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("DATABASE_URL names no host.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var (key, value) in QueryParameters(uri.Query))
        {
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = ParseSslMode(value);
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, out var seconds) && seconds >= 0
                        ? seconds
                        : throw new FormatException($"DATABASE_URL has connect_timeout '{value}'; expected whole seconds.");
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    throw new FormatException($"DATABASE_URL has the unsupported parameter '{key}'; supported: sslmode, connect_timeout, application_name.");
            }
        }

        return builder.ConnectionString;
    }

    private static SslMode ParseSslMode(string value) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new FormatException($"DATABASE_URL has sslmode '{value}'; expected disable, allow, prefer, require, verify-ca or verify-full."),
    };

    private static IEnumerable<(string Key, string Value)> QueryParameters(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(key), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
