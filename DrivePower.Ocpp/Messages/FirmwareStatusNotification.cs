namespace DrivePower.Ocpp.Messages;

public sealed record FirmwareStatusNotificationRequest : IOcppRequest<FirmwareStatusNotificationResponse>
{
    public required FirmwareStatus Status { get; init; }
    public int? RequestId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record FirmwareStatusNotificationResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

public enum FirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}
