using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

public sealed record AuthorizeRequest : IOcppRequest<AuthorizeResponse>
{
    public required IdToken IdToken { get; init; }

    [OcppMaxLength(5500)]
    public string? Certificate { get; init; }

    [JsonPropertyName("iso15118CertificateHashData")]
    [OcppItems(Min = 1, Max = 4)]
    public IReadOnlyList<OcspRequestData>? Iso15118CertificateHashData { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record AuthorizeResponse : IOcppResponse
{
    public required IdTokenInfo IdTokenInfo { get; init; }
    public AuthorizeCertificateStatus? CertificateStatus { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record OcspRequestData
{
    public required HashAlgorithm HashAlgorithm { get; init; }

    [OcppMaxLength(128)]
    public required string IssuerNameHash { get; init; }

    [OcppMaxLength(128)]
    public required string IssuerKeyHash { get; init; }

    [OcppMaxLength(40)]
    public required string SerialNumber { get; init; }

    [JsonPropertyName("responderURL")]
    [OcppMaxLength(512)]
    public required string ResponderUrl { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum HashAlgorithm
{
    SHA256,
    SHA384,
    SHA512,
}

public enum AuthorizeCertificateStatus
{
    Accepted,
    SignatureError,
    CertificateExpired,
    CertificateRevoked,
    NoCertificateAvailable,
    CertChainError,
    ContractCancelled,
}
