using System.Net.Http.Headers;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Diagnostics;

/// <summary>
/// A station's log upload (N01): at most one at a time; a new GetLog cancels the running one. Reports
/// Uploading, then Uploaded or, after the last of 1 + retries tries retryInterval seconds apart, UploadFailure.
/// </summary>
internal sealed class LogUploads(string stationId, FrameRing frames, HttpClient http, TimeProvider time)
{
    private readonly Lock _sync = new();
    private CancellationTokenSource? _running;
    private int? _requestId;

    /// <summary>What a TriggerMessage LogStatusNotification reports: Uploading with its requestId, or Idle.</summary>
    public LogStatusNotificationRequest Current()
    {
        lock (_sync)
            return _running is null
                ? new LogStatusNotificationRequest { Status = UploadLogStatus.Idle }
                : new LogStatusNotificationRequest { Status = UploadLogStatus.Uploading, RequestId = _requestId };
    }

    /// <summary>Starts the upload; the answer is AcceptedCanceled when it replaced a running one.</summary>
    public (GetLogResponse Answer, Func<Func<LogStatusNotificationRequest, Task>, Task> Run) Start(GetLogRequest request)
    {
        var cancellation = new CancellationTokenSource();
        bool replaced;
        lock (_sync)
        {
            replaced = _running is not null;
            _running?.Cancel();
            _running = cancellation;
            _requestId = request.RequestId;
        }

        var fileName = LogFile.FileName(stationId, request.LogType, request.RequestId);
        var answer = new GetLogResponse { Status = replaced ? LogStatus.AcceptedCanceled : LogStatus.Accepted, Filename = fileName };
        return (answer, report => RunAsync(request, fileName, report, cancellation));
    }

    private async Task RunAsync(GetLogRequest request, string fileName, Func<LogStatusNotificationRequest, Task> report, CancellationTokenSource cancellation)
    {
        try
        {
            await report(new LogStatusNotificationRequest { Status = UploadLogStatus.Uploading, RequestId = request.RequestId }).ConfigureAwait(false);
            var content = LogFile.Build(stationId, request.LogType, frames.Between(request.Log.OldestTimestamp, request.Log.LatestTimestamp), time.GetUtcNow());
            var uploaded = await TransferTries.RunAsync(request.Retries, request.RetryInterval,
                token => TryUploadAsync(request.Log.RemoteLocation, fileName, content, token), cancellation.Token).ConfigureAwait(false);
            var status = uploaded ? UploadLogStatus.Uploaded : UploadLogStatus.UploadFailure;
            await report(new LogStatusNotificationRequest { Status = status, RequestId = request.RequestId }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Replaced by a newer GetLog: that one reports from now on.
        }
        finally
        {
            lock (_sync)
                if (_running == cancellation)
                    _running = null;
            cancellation.Dispose();
        }
    }

    private async Task<bool> TryUploadAsync(string location, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            form.Add(file, "file", fileName);
            using var response = await http.PostAsync(location, form, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or UriFormatException or InvalidOperationException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // a bad host, a refused connection, a timeout: the next try, or UploadFailure
        }
    }
}
