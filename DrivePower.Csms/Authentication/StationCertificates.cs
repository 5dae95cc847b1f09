using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Authentication;

/// <summary>
/// Security profile 3: Kestrel asks every TLS client for a certificate and accepts only one issued by
/// the station CA (<c>Csms:StationCaCertificatePath</c>); <see cref="Ocpp.StationAuthentication"/> then
/// checks that its subject CN is the station id. A client without a certificate (an operator) still connects.
/// </summary>
public static class StationCertificates
{
    /// <summary>Loads the first certificate of a PEM file (a CA or a bundle).</summary>
    public static X509Certificate2 LoadCa(string path)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(path);
        return certificates.Count > 0 ? certificates[0] : throw new CryptographicException("the file holds no PEM certificate.");
    }

    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>The subject's common name, which profile 3 requires to be the station id.</summary>
    public static string CommonName(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>With profile 3, Kestrel's HTTPS endpoints request client certificates and check their issuer.</summary>
    public static IServiceCollection AddStationCertificateValidation(this IServiceCollection services) =>
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<CsmsOptions>>((kestrel, csms) =>
            {
                if (csms.Value is not { SecurityProfile: 3, StationCaCertificatePath: { } path })
                    return;
                var ca = LoadCa(path);
                kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.ClientCertificateValidation = (certificate, _, _) => IsIssuedBy(certificate, ca);
                });
            }).Services;
}
