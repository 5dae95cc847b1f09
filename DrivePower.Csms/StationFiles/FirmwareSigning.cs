using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DrivePower.Csms.Data;

namespace DrivePower.Csms.StationFiles;

/// <summary>
/// The CSMS's firmware signing key (ECDSA P-256 with a self-signed certificate), generated on first use
/// and kept in the database so every instance and restart signs alike. Firmware is signed over its bytes
/// with SHA-256, the signature DER-encoded and sent base64, as UpdateFirmware's <c>signature</c> carries it.
/// </summary>
public sealed class FirmwareSigning(FirmwareSigningKeyStore store, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (string CertificatePem, ECDsa Key)? _loaded;

    /// <summary>The signing certificate, PEM.</summary>
    public async Task<string> CertificatePemAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).CertificatePem;

    /// <summary>The base64 signature of <paramref name="content"/>.</summary>
    public async Task<string> SignAsync(byte[] content, CancellationToken cancellationToken)
    {
        var (_, key) = await LoadAsync(cancellationToken);
        return Convert.ToBase64String(key.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    private async Task<(string CertificatePem, ECDsa Key)> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
            return loaded;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } again)
                return again;
            var pem = await store.ReadAsync(cancellationToken) ?? await store.StoreOnceAsync(Generate(), cancellationToken);
            var key = ECDsa.Create();
            key.ImportFromPem(pem.PrivateKeyPem);
            _loaded = (pem.CertificatePem, key);
            return _loaded.Value;
        }
        finally
        {
            _loading.Release();
        }
    }

    private FirmwareSigningKeyPem Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=DrivePower CSMS firmware signing, O=DrivePower", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], critical: false)); // code signing
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        return new FirmwareSigningKeyPem(certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        _loaded?.Key.Dispose();
        _loading.Dispose();
    }
}
