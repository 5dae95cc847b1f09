namespace DrivePower.Csms.Data;

/// <summary>The CSMS's firmware signing key pair as PEM text.</summary>
public sealed record FirmwareSigningKeyPem(string CertificatePem, string PrivateKeyPem);

/// <summary>The one row of <c>firmware_signing_keys</c>: the first key stored stays, whichever CSMS instance made it.</summary>
public sealed class FirmwareSigningKeyStore(SqlRunner sql)
{
    private const string InsertSql = """
        INSERT INTO firmware_signing_keys (id, certificate_pem, private_key_pem, created_at) VALUES (1, @certificate, @key, now())
        ON CONFLICT ON CONSTRAINT pk_firmware_signing_keys DO NOTHING
        """;

    private const string ReadSql = "SELECT certificate_pem, private_key_pem FROM firmware_signing_keys WHERE id = 1";

    public Task<FirmwareSigningKeyPem?> ReadAsync(CancellationToken cancellationToken) =>
        sql.QueryFirstOrDefaultAsync<FirmwareSigningKeyPem>("read the firmware signing key", "key 1", SqlRetry.Idempotent, ReadSql, null, cancellationToken);

    /// <summary>Stores <paramref name="candidate"/> unless a key is there already; returns the key that is stored.</summary>
    public async Task<FirmwareSigningKeyPem> StoreOnceAsync(FirmwareSigningKeyPem candidate, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync("store the firmware signing key", "key 1", SqlRetry.Idempotent, InsertSql, parameters =>
        {
            parameters.AddWithValue("certificate", candidate.CertificatePem);
            parameters.AddWithValue("key", candidate.PrivateKeyPem);
        }, cancellationToken);
        return await ReadAsync(cancellationToken) ?? candidate;
    }
}
