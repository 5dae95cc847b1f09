using System.Text.Json;
using Dapper;
using DrivePower.Ocpp.Messages;
using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>One token of a station's local list.</summary>
public sealed record LocalAuthListEntry(string IdToken, string Type, string Status, JsonElement IdTokenInfo);

/// <summary>A station's local list as it accepted it: version 0 and no entries when none was sent.</summary>
public sealed record LocalAuthListRecord(int Version, DateTimeOffset? UpdatedAt, IReadOnlyList<LocalAuthListEntry> Entries);

/// <summary>
/// What each station's local authorization list holds, applied when the station accepts a SendLocalList:
/// Full replaces the entries, Differential adds or changes them (removes those without idTokenInfo), the
/// version is the update's. All in one transaction.
/// </summary>
public sealed class LocalAuthListStore(SqlRunner sql)
{
    private const string ClearSql = "DELETE FROM local_auth_list_entries WHERE station_id = @station";

    private const string RemoveSql = """
        DELETE FROM local_auth_list_entries WHERE station_id = @station AND id_token_type = @type AND upper(id_token) = upper(@token)
        """;

    private const string InsertSql = """
        INSERT INTO local_auth_list_entries (station_id, id_token, id_token_type, status, id_token_info)
        VALUES (@station, @token, @type, @status, @info)
        """;

    private const string VersionSql = """
        INSERT INTO local_auth_lists (station_id, version, updated_at) VALUES (@station, @version, @at)
        ON CONFLICT ON CONSTRAINT pk_local_auth_lists DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        """;

    private const string ReadVersionSql = "SELECT version, updated_at FROM local_auth_lists WHERE station_id = @station";

    private const string ReadEntriesSql = """
        SELECT id_token, id_token_type AS type, status, id_token_info FROM local_auth_list_entries WHERE station_id = @station ORDER BY id_token_type, id_token
        """;

    public Task ApplyAsync(string stationId, SendLocalListRequest update, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("apply a local authorization list", $"{stationId} version {update.VersionNumber}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (update.UpdateType == UpdateType.Full)
                await ExecuteAsync(connection, transaction, ClearSql, ct, ("station", stationId));
            foreach (var entry in update.LocalAuthorizationList ?? [])
            {
                var type = entry.IdToken.Type.ToString();
                await ExecuteAsync(connection, transaction, RemoveSql, ct, ("station", stationId), ("type", type), ("token", entry.IdToken.Token));
                if (entry.IdTokenInfo is { } info)
                {
                    await ExecuteAsync(connection, transaction, InsertSql, ct, ("station", stationId), ("token", entry.IdToken.Token), ("type", type),
                        ("status", info.Status.ToString()), ("info", new Jsonb(JsonSerializer.Serialize(info, OcppJsonContext.Default.IdTokenInfo))));
                }
            }

            await ExecuteAsync(connection, transaction, VersionSql, ct, ("station", stationId), ("version", update.VersionNumber), ("at", at.ToUniversalTime()));
            await transaction.CommitAsync(ct);
            return 0;
        }, cancellationToken);

    public Task<LocalAuthListRecord> ReadAsync(string stationId, CancellationToken cancellationToken) =>
        sql.RunAsync("read a local authorization list", stationId, SqlRetry.Idempotent, async (connection, ct) =>
        {
            var version = await connection.QueryFirstOrDefaultAsync<ListVersion>(
                new CommandDefinition(ReadVersionSql, new { station = stationId }, cancellationToken: ct));
            var entries = await connection.QueryListAsync<LocalAuthListEntry>(ReadEntriesSql, new { station = stationId }, ct);
            return version is null // no list sent yet
                ? new LocalAuthListRecord(0, null, entries)
                : new LocalAuthListRecord(version.Version, version.UpdatedAt, entries);
        }, cancellationToken);

    private sealed record ListVersion(int Version, DateTimeOffset UpdatedAt);

    private readonly record struct Jsonb(string Json);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string text, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(text, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            if (value is Jsonb json)
                command.Parameters.AddWithValue(name, NpgsqlTypes.NpgsqlDbType.Jsonb, json.Json);
            else
                command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
