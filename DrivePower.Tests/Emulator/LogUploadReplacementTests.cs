using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>N01: a station uploads one log at a time; a new GetLog replaces the running upload.</summary>
public sealed class LogUploadReplacementTests
{
    // Nothing listens on the discard port: every try fails at once, and the first upload then waits out its retry interval.
    private const string Nowhere = "http://127.0.0.1:9/upload";

    private static GetLogRequest GetLog(int requestId, int retries, int retryInterval) => new()
    {
        LogType = LogType.DiagnosticsLog,
        RequestId = requestId,
        Retries = retries,
        RetryInterval = retryInterval,
        Log = new LogParameters { RemoteLocation = Nowhere },
    };

    [Fact]
    public async Task A_GetLog_while_an_upload_waits_for_its_retry_is_AcceptedCanceled_and_only_the_new_request_reports_from_then_on()
    {
        await using var station = await BootedStation.StartAsync("CP-LOG-REPLACE");

        Assert.Equal(LogStatus.Accepted, (await station.SendAsync(GetLog(1, retries: 3, retryInterval: 3600))).Status);
        await station.WaitForAsync<LogStatusNotificationRequest>(s => s is { RequestId: 1, Status: UploadLogStatus.Uploading });
        var trigger = new TriggerMessageRequest { RequestedMessage = MessageTrigger.LogStatusNotification };
        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(trigger)).Status);
        await station.WaitForAsync<LogStatusNotificationRequest>(s => s is { RequestId: 1, Status: UploadLogStatus.Uploading }, skip: 1);

        var replacing = await station.SendAsync(GetLog(2, retries: 0, retryInterval: 0));

        Assert.Equal(LogStatus.AcceptedCanceled, replacing.Status);
        await station.WaitForAsync<LogStatusNotificationRequest>(s => s is { RequestId: 2, Status: UploadLogStatus.UploadFailure });
        Assert.Equal(TriggerMessageStatus.Accepted, (await station.SendAsync(trigger)).Status);
        await station.WaitForAsync<LogStatusNotificationRequest>(s => s is { Status: UploadLogStatus.Idle, RequestId: null });
        Assert.DoesNotContain(station.Received<LogStatusNotificationRequest>(), s => s.RequestId == 1 && s.Status != UploadLogStatus.Uploading);
    }
}
