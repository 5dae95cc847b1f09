using Npgsql;

namespace DrivePower.Csms.Schema;

/// <summary>
/// Reads the newest applied migration from FluentMigrator's <c>VersionInfo</c> table, and remembers
/// the last state read so a failing request can say the schema is behind rather than "unavailable".
/// </summary>
public sealed class SchemaVersionReader(NpgsqlDataSource dataSource)
{
    private const string NewestAppliedSql = """
        SELECT max("Version") FROM public."VersionInfo"
        """;

    private volatile SchemaState? _lastRead;

    /// <summary>The state last read, null before the first successful read.</summary>
    public SchemaState? LastRead => _lastRead;

    /// <summary>Reads the state; a database that cannot be reached throws (NpgsqlException).</summary>
    public async Task<SchemaState> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NewestAppliedSql);
        SchemaState state;
        try
        {
            state = new SchemaState(await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            state = new SchemaState(Applied: null); // never migrated: no VersionInfo table
        }

        _lastRead = state;
        return state;
    }
}
