namespace DrivePower.Csms.Data;

/// <summary>The authorization list: looked up by Authorize/TransactionEvent, managed by the operator API.</summary>
public sealed class IdTokenStore(SqlRunner sql)
{
    private const string Columns = "id_token, type, status, expires_at, group_id_token, group_id_token_type, created_at, updated_at";

    // idTokens are case-insensitive identifiers (IdTokenType): the lookup ignores case.
    private const string FindSql = $"""
        SELECT {Columns} FROM id_tokens
        WHERE lower(id_token) = lower(@token) AND type = @type
        ORDER BY id_token LIMIT 1
        """;

    private const string ListSql = $"SELECT {Columns} FROM id_tokens ORDER BY type, id_token";

    private const string InsertSql = $"""
        INSERT INTO id_tokens (id_token, type, status, expires_at, group_id_token, group_id_token_type, created_at, updated_at)
        VALUES (@token, @type, @status, @expires, @group, @groupType, @now, @now)
        ON CONFLICT DO NOTHING
        RETURNING {Columns}
        """;

    private const string UpsertSql = $"""
        INSERT INTO id_tokens (id_token, type, status, expires_at, group_id_token, group_id_token_type, created_at, updated_at)
        VALUES (@token, @type, @status, @expires, @group, @groupType, @now, @now)
        ON CONFLICT (id_token, type) DO UPDATE SET
            status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, group_id_token = EXCLUDED.group_id_token,
            group_id_token_type = EXCLUDED.group_id_token_type, updated_at = EXCLUDED.updated_at
        RETURNING {Columns}
        """;

    private const string DeleteSql = "DELETE FROM id_tokens WHERE id_token = @token AND type = @type";

    public Task<IdTokenRecord?> FindAsync(string token, string type, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<IdTokenRecord>("look up the idToken", $"{type} {token}", SqlRetry.Idempotent, FindSql,
            new { token, type }, cancellationToken);

    public Task<List<IdTokenRecord>> ListAsync(CancellationToken cancellationToken) =>
        sql.QueryAsync<IdTokenRecord>("list the idTokens", "all", SqlRetry.Idempotent, ListSql, null, cancellationToken);

    /// <summary>Adds a token; null when one with the same (idToken, type) exists.</summary>
    public Task<IdTokenRecord?> InsertAsync(IdTokenRecord token, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync("add the idToken", SqlRetry.Once, InsertSql, token, now, cancellationToken); // a rerun would answer "exists"

    /// <summary>Adds or replaces a token.</summary>
    public async Task<IdTokenRecord> UpsertAsync(IdTokenRecord token, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await WriteAsync("store the idToken", SqlRetry.Idempotent, UpsertSql, token, now, cancellationToken))!;

    public async Task<bool> DeleteAsync(string token, string type, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("delete the idToken", $"{type} {token}", SqlRetry.Once, DeleteSql, parameters =>
        {
            parameters.AddWithValue("token", token);
            parameters.AddWithValue("type", type);
        }, cancellationToken) == 1;

    private Task<IdTokenRecord?> WriteAsync(
        string operation, SqlRetry retry, string statement, IdTokenRecord token, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<IdTokenRecord>(operation, $"{token.Type} {token.IdToken}", retry, statement, new
        {
            token = token.IdToken,
            type = token.Type,
            status = token.Status,
            expires = token.ExpiresAt,
            group = token.GroupIdToken,
            groupType = token.GroupIdTokenType,
            now,
        }, cancellationToken);
}
