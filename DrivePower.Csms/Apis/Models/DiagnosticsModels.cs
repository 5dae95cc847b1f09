namespace DrivePower.Csms.Apis.Models;

/// <summary>POST /api/stations/{id}/logs: which log, over which period, and how the station retries its upload.</summary>
public sealed record LogRequestBody(string? LogType, DateTimeOffset? OldestTimestamp, DateTimeOffset? LatestTimestamp, int? Retries, int? RetryInterval);

/// <summary>The GetLog sent: its requestId, the station's answer and the file name it will upload.</summary>
public sealed record LogRequestResult(int RequestId, string Status, string? Filename);

/// <summary>A log request as stored: the station's answer, its latest upload status, and the file when uploaded.</summary>
public sealed record StationLogModel(
    int RequestId, string LogType, string? Answer, string? Status, string? FileName, long? SizeBytes,
    DateTimeOffset RequestedAt, DateTimeOffset? UploadedAt);

/// <summary>A customer information report: its parts' data joined in seqNo order, and whether the last part has come.</summary>
public sealed record CustomerInformationModel(int RequestId, bool Complete, int Parts, string Data, DateTimeOffset? GeneratedAt);
