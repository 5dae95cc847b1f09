using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using N = DrivePower.Emulator.Configuration.EmulatorDefaults.Names;

namespace DrivePower.Emulator.Configuration;

/// <summary>
/// TLS towards the CSMS (security profiles 2 and 3): <c>CSMS_CA_FILE</c>, a PEM CA the CSMS's server
/// certificate must chain to (instead of the system's trust store), and <c>CSMS_CLIENT_CERT</c> +
/// <c>CSMS_CLIENT_KEY</c>, the PEM client certificate and key a profile-3 station presents (its CN is
/// the station id).
/// </summary>
public sealed record CsmsTls(X509Certificate2? TrustedCa, X509Certificate2? ClientCertificate)
{
    /// <summary>The handler's TLS options for connecting to the CSMS (<c>SocketsHttpHandler.SslOptions</c>).</summary>
    public SslClientAuthenticationOptions ClientOptions()
    {
        var ssl = new SslClientAuthenticationOptions();
        if (ClientCertificate is not null)
            ssl.ClientCertificates = new X509CertificateCollection { ClientCertificate };
        if (TrustedCa is { } ca)
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, ca);
        return ssl;
    }

    /// <summary>Reads the three settings; null when none is set. Every problem goes to <paramref name="read"/>.</summary>
    internal static CsmsTls? Read(SettingReader read, EmulatorSettings settings, string stationId, int stationCount)
    {
        if (settings is { CsmsCaFile: null or "", CsmsClientCert: null or "", CsmsClientKey: null or "" })
            return null;

        var ca = settings.CsmsCaFile is { Length: > 0 } caFile ? Load(read, N.CsmsCaFile, () => FirstPem(caFile)) : null;
        X509Certificate2? client = null;
        if (settings.CsmsClientCert is { Length: > 0 } certFile && settings.CsmsClientKey is { Length: > 0 } keyFile)
            client = Load(read, N.CsmsClientCert, () => ClientCertificateFrom(certFile, keyFile));
        else if (settings.CsmsClientCert is { Length: > 0 } || settings.CsmsClientKey is { Length: > 0 })
            read.Fail($"{N.CsmsClientCert} and {N.CsmsClientKey} go together: a client certificate needs its private key");

        if (client is not null && stationCount != 1)
            read.Fail($"{N.CsmsClientCert} names one station (its CN), so {N.StationCount} must be 1, got {stationCount}");
        else if (client is not null && client.GetNameInfo(X509NameType.SimpleName, false) is var name && name != stationId)
            read.Fail($"{N.CsmsClientCert} is issued to CN '{name}', but {N.StationId} is '{stationId}': the CSMS (profile 3) requires them equal");
        return new CsmsTls(ca, client);
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return false;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    private static X509Certificate2 FirstPem(string path)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(path);
        return certificates.Count > 0 ? certificates[0] : throw new CryptographicException("the file holds no PEM certificate");
    }

    /// <summary>A PEM certificate and key; re-imported as PKCS#12 so TLS on every platform can use the key.</summary>
    private static X509Certificate2 ClientCertificateFrom(string certFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2? Load(SettingReader read, string name, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            read.Fail($"{name} cannot be loaded: {e.Message}");
            return null;
        }
    }
}
