namespace DrivePower.Csms.Apis.Models;

/// <summary>An uploaded firmware file: its hash, the version its first line names, the CSMS's signature, and where stations fetch it.</summary>
public sealed record FirmwareFileModel(
    int Id, string FileName, long SizeBytes, string Sha256, string? Version, string Signature, string DownloadUrl, DateTimeOffset UploadedAt);

/// <summary>POST /api/stations/{id}/firmware-updates: an uploaded file (fileId) or any location, and how the station retrieves and installs it.</summary>
public sealed record FirmwareUpdateBody(
    int? FileId, string? Location, DateTimeOffset? RetrieveDateTime, DateTimeOffset? InstallDateTime, int? Retries, int? RetryInterval, bool? Signed);

/// <summary>The UpdateFirmware sent: its requestId, the station's answer and the location it downloads from.</summary>
public sealed record FirmwareUpdateResult(int RequestId, string Status, string Location);

/// <summary>A status of a firmware update, as the station reported it.</summary>
public sealed record FirmwareStatusModel(string Status, DateTimeOffset At);

/// <summary>A firmware update as stored: the station's answer, its latest status, and every status reported.</summary>
public sealed record FirmwareUpdateModel(
    int RequestId, int? FileId, string Location, string? Version, bool Signed, string? Answer, string? Status,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, List<FirmwareStatusModel> History);
