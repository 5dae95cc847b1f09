using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>
/// The CSMS's share of PostgreSQL's connections, section <c>Csms:Database</c>. Bounded by default so
/// that under load psql, the migrator and other clients still get a connection (PostgreSQL allows 100
/// by default); batched writes need few connections. A <c>Maximum Pool Size</c> in the connection
/// string wins.
/// </summary>
public sealed class DatabasePoolOptions
{
    public const string SectionName = "Csms:Database";

    [Range(2, 1000)]
    public int MaxPoolSize { get; set; } = 20;

    /// <summary><paramref name="connectionString"/> with this pool bound, unless it sets one of its own.</summary>
    public string Bound(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows: read the keys actually given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXIMUMPOOLSIZE" or "MAXPOOLSIZE"))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;
    }
}
