namespace DrivePower.Ocpp.Messages;

/// <summary>L01/L02: download the firmware at <see cref="Firmware.Location"/> and install it, reporting each step in FirmwareStatusNotification.</summary>
public sealed record UpdateFirmwareRequest : IOcppRequest<UpdateFirmwareResponse>
{
    public int? Retries { get; init; }
    public int? RetryInterval { get; init; }
    public required int RequestId { get; init; }
    public required Firmware Firmware { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>A copy of the firmware the station can load: where it is, when to fetch and install it, and how it was signed.</summary>
public sealed record Firmware
{
    [OcppMaxLength(512)]
    public required string Location { get; init; }

    public required DateTimeOffset RetrieveDateTime { get; init; }
    public DateTimeOffset? InstallDateTime { get; init; }

    /// <summary>The PEM X.509 certificate whose key signed the firmware.</summary>
    [OcppMaxLength(5500)]
    public string? SigningCertificate { get; init; }

    /// <summary>The firmware's signature, base64.</summary>
    [OcppMaxLength(800)]
    public string? Signature { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record UpdateFirmwareResponse : IOcppResponse
{
    public required UpdateFirmwareStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum UpdateFirmwareStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}
