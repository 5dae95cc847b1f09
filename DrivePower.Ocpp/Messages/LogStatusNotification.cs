namespace DrivePower.Ocpp.Messages;

public sealed record LogStatusNotificationRequest : IOcppRequest<LogStatusNotificationResponse>
{
    public required UploadLogStatus Status { get; init; }
    public int? RequestId { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record LogStatusNotificationResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

public enum UploadLogStatus
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
    AcceptedCanceled,
}
