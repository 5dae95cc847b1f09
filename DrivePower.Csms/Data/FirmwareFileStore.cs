using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One firmware file, without its bytes.</summary>
public sealed record FirmwareFileRecord(int Id, string FileName, long SizeBytes, string Sha256, string? Version, string Signature, DateTimeOffset UploadedAt);

/// <summary>A file as a station downloads it.</summary>
public sealed record FirmwareFileContent(string FileName, byte[] Content);

/// <summary>The firmware files operators uploaded (<c>firmware_files</c>), with the CSMS's signature over each.</summary>
public sealed class FirmwareFileStore(SqlRunner sql)
{
    private const string InsertSql = """
        INSERT INTO firmware_files (file_name, size_bytes, sha256, version, signature, content, uploaded_at)
        VALUES (@fileName, @size, @sha256, @version, @signature, @content, @at)
        RETURNING id
        """;

    private const string ListSql = """
        SELECT id, file_name, size_bytes, sha256, version, signature, uploaded_at FROM firmware_files ORDER BY id
        """;

    private const string FindSql = """
        SELECT id, file_name, size_bytes, sha256, version, signature, uploaded_at FROM firmware_files WHERE id = @id
        """;

    private const string ContentSql = "SELECT file_name, content FROM firmware_files WHERE id = @id";

    private const string DeleteSql = "DELETE FROM firmware_files WHERE id = @id";

    public Task<int> AddAsync(string fileName, byte[] content, string sha256, string? version, string signature, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("store a firmware file", fileName, SqlRetry.Once, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(InsertSql, connection);
            command.Parameters.AddWithValue("fileName", fileName);
            command.Parameters.AddWithValue("size", (long)content.Length);
            command.Parameters.AddWithValue("sha256", sha256);
            command.Parameters.AddNullable("version", NpgsqlDbType.Text, version);
            command.Parameters.AddWithValue("signature", signature);
            command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
            command.Parameters.AddWithValue("at", at.ToUniversalTime());
            return (int)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    public Task<List<FirmwareFileRecord>> ListAsync(CancellationToken cancellationToken) =>
        sql.QueryAsync<FirmwareFileRecord>("list firmware files", "all", SqlRetry.Idempotent, ListSql, null, cancellationToken);

    public Task<FirmwareFileRecord?> FindAsync(int id, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<FirmwareFileRecord>("find a firmware file", $"file {id}", SqlRetry.Idempotent, FindSql, new { id }, cancellationToken);

    public Task<FirmwareFileContent?> ReadContentAsync(int id, CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<FirmwareFileContent>("read a firmware file", $"file {id}", SqlRetry.Idempotent, ContentSql, new { id }, cancellationToken);

    /// <summary>Removes the file; the updates that sent it keep their location. False when there was none.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken) =>
        await sql.ExecuteAsync("delete a firmware file", $"file {id}", SqlRetry.Idempotent, DeleteSql,
            parameters => parameters.AddWithValue("id", id), cancellationToken) == 1;
}
