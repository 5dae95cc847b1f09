using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>A certificate authority made for one test, issuing server and client certificates, with its files in a temporary folder.</summary>
internal sealed class ThrowawayCa : IDisposable
{
    private static readonly DateTimeOffset NotBefore = DateTimeOffset.UtcNow.AddHours(-1);
    private static readonly DateTimeOffset NotAfter = DateTimeOffset.UtcNow.AddDays(1);

    private ThrowawayCa(X509Certificate2 certificate, string folder) => (Certificate, Folder) = (certificate, folder);

    public X509Certificate2 Certificate { get; }

    public string Folder { get; }

    public static ThrowawayCa Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var folder = Directory.CreateTempSubdirectory("drivepower-ca-").FullName;
        return new ThrowawayCa(request.CreateSelfSigned(NotBefore, NotAfter), folder);
    }

    /// <summary>The CA certificate as a PEM file.</summary>
    public string WriteCaPem()
    {
        var path = Path.Combine(Folder, "ca.pem");
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>A server certificate for localhost and 127.0.0.1 as a PKCS#12 file with <paramref name="password"/>.</summary>
    public string WriteServerPfx(string password)
    {
        using var server = Issue("localhost", server: true);
        var path = Path.Combine(Folder, "server.pfx");
        File.WriteAllBytes(path, server.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>A client certificate for <paramref name="commonName"/> as PEM files, certificate and key.</summary>
    public (string Certificate, string Key) WriteClientPem(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = Issue(commonName, server: false, key);
        var (certificate, keyFile) = (Path.Combine(Folder, commonName + ".crt"), Path.Combine(Folder, commonName + ".key"));
        File.WriteAllText(certificate, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificate, keyFile);
    }

    public X509Certificate2 Issue(string commonName, bool server = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Issue(commonName, server, key);
    }

    private X509Certificate2 Issue(string commonName, bool server, ECDsa key)
    {
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(Certificate, NotBefore, NotAfter, RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to this CA (what a station trusting the CA file checks).</summary>
    public bool Issued(X509Certificate? certificate)
    {
        if (certificate is null)
            return false;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
