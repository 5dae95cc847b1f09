using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrivePower.Emulator.Firmware;

/// <summary>
/// Checks UpdateFirmware's signingCertificate (PEM X.509, in its validity period, with an ECDSA or RSA key)
/// and the base64 signature over the downloaded image with SHA-256 (ECDSA: DER or IEEE P1363; RSA: PKCS#1 v1.5).
/// </summary>
internal static class FirmwareSignature
{
    /// <summary>Why the certificate can't verify anything, or null when it can.</summary>
    public static string? CertificateProblem(string pem, DateTimeOffset now)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            if (now < certificate.NotBefore || now > certificate.NotAfter)
                return "CertExpired";
            using var ecdsa = certificate.GetECDsaPublicKey();
            using var rsa = ecdsa is null ? certificate.GetRSAPublicKey() : null;
            return ecdsa is null && rsa is null ? "UnsupportedKey" : null;
        }
        catch (CryptographicException)
        {
            return "InvalidCert";
        }
    }

    public static bool Verify(string certificatePem, string signature, byte[] image)
    {
        try
        {
            var bytes = Convert.FromBase64String(signature);
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            if (certificate.GetECDsaPublicKey() is { } ecdsa)
                using (ecdsa)
                    return ecdsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                        || ecdsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            using var rsa = certificate.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
