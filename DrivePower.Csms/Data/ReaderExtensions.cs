using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>Small helpers for reading rows and binding optional parameters.</summary>
internal static class ReaderExtensions
{
    /// <summary>Every row of a statement, mapped by Dapper (see <see cref="DapperSetup"/>); the token cancels the command.</summary>
    public static async Task<List<T>> QueryListAsync<T>(this NpgsqlConnection connection, string sql, object? parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();

    /// <summary>Binds a value that may be null (sent as SQL NULL of the given type).</summary>
    public static void AddNullable(this NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, object? value) =>
        parameters.AddWithValue(name, type, value ?? DBNull.Value);

    // Rows read by hand: only TransactionStore's batched write still does, for each event's outcome inside its batch.

    /// <summary>Reads every row of a command with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>The column's value, or default when it is NULL.</summary>
    public static T? Get<T>(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);
    }
}
