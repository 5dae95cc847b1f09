using Npgsql;

namespace DrivePower.Tests.Migrations;

/// <summary>Reads what the migrations made from the catalog (information_schema, pg_indexes, pg_constraint).</summary>
internal static class SchemaInspector
{
    private const string TablesSql = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> 'VersionInfo'
        ORDER BY table_name
        """;

    private const string ColumnsSql = """
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = @table
        ORDER BY ordinal_position
        """;

    private const string IndexesSql = """
        SELECT indexname FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'VersionInfo'
        ORDER BY indexname
        """;

    /// <summary>One line per column, index and constraint: equal snapshots mean equal schemas.</summary>
    private const string SnapshotSql = """
        SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type
               || coalesce('(' || c.character_maximum_length || ')', '')
               || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END
               || coalesce(' default ' || c.column_default, '')
               || CASE WHEN c.is_identity = 'YES' THEN ' identity ' || c.identity_generation ELSE '' END
        FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name <> 'VersionInfo'
        UNION ALL
        SELECT 'index ' || i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename <> 'VersionInfo'
        UNION ALL
        SELECT 'constraint ' || t.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        WHERE k.connamespace = 'public'::regnamespace AND t.relname <> 'VersionInfo'
        ORDER BY 1
        """;

    public static Task<List<string>> TablesAsync(string connectionString) => ListAsync(connectionString, TablesSql);

    public static Task<List<string>> IndexesAsync(string connectionString) => ListAsync(connectionString, IndexesSql);

    public static Task<List<string>> SnapshotAsync(string connectionString) => ListAsync(connectionString, SnapshotSql);

    public static Task<List<string>> ColumnsAsync(string connectionString, string table) =>
        ListAsync(connectionString, ColumnsSql, new NpgsqlParameter("table", table));

    private static async Task<List<string>> ListAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
