namespace DrivePower.Ocpp.Messages;

/// <summary>N09/N10: report and/or clear what the station holds about one customer.</summary>
public sealed record CustomerInformationRequest : IOcppRequest<CustomerInformationResponse>
{
    public CertificateHashData? CustomerCertificate { get; init; }
    public IdToken? IdToken { get; init; }
    public required int RequestId { get; init; }
    public required bool Report { get; init; }
    public required bool Clear { get; init; }

    [OcppMaxLength(64)]
    public string? CustomerIdentifier { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record CustomerInformationResponse : IOcppResponse
{
    public required CustomerInformationStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>Identifies a certificate by hashes of its issuer and its serial number.</summary>
public sealed record CertificateHashData
{
    public required HashAlgorithm HashAlgorithm { get; init; }

    [OcppMaxLength(128)]
    public required string IssuerNameHash { get; init; }

    [OcppMaxLength(128)]
    public required string IssuerKeyHash { get; init; }

    [OcppMaxLength(40)]
    public required string SerialNumber { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum CustomerInformationStatus
{
    Accepted,
    Rejected,
    Invalid,
}
