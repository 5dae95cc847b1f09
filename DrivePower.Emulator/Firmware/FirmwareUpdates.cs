using DrivePower.Emulator.Output;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Firmware;

/// <summary>
/// A station's firmware update (L01/L02), at most one at a time; a new UpdateFirmware cancels the running one
/// (answered AcceptedCanceled). Each step takes <c>FIRMWARE_STEP_SECONDS</c> and is reported in
/// FirmwareStatusNotification: (DownloadScheduled until retrieveDateTime) Downloading, Downloaded or, after
/// 1 + retries tries retryInterval seconds apart, DownloadFailed; SignatureVerified or InvalidSignature when
/// signed; InstallVerificationFailed for an image that is not one; (InstallScheduled until installDateTime)
/// Installing once no transaction runs; InstallRebooting; then the station reboots (BootNotification reason
/// FirmwareUpdate, the new firmwareVersion) and reports Installed once that boot is accepted.
/// </summary>
internal sealed class FirmwareUpdates(Station station, HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan TransactionPoll = TimeSpan.FromSeconds(1);

    private readonly Lock _sync = new();
    private CancellationTokenSource? _running;
    private int? _requestId;
    private FirmwareStatus _status = FirmwareStatus.Idle;
    private TaskCompletionSource? _rebooted;
    private bool _rebooting;

    /// <summary>What a TriggerMessage FirmwareStatusNotification reports: the running update's status with its requestId, or Idle.</summary>
    public FirmwareStatusNotificationRequest Current()
    {
        lock (_sync)
            return _running is null
                ? new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Idle }
                : new FirmwareStatusNotificationRequest { Status = _status, RequestId = _requestId };
    }

    /// <summary>Starts the update unless the request is refused; the answer is AcceptedCanceled when it replaced a running one.</summary>
    public (UpdateFirmwareResponse Answer, Func<Task>? Run) Start(UpdateFirmwareRequest request)
    {
        if (Refusal(request.Firmware) is { } refused)
        {
            // L01.FR.02: a signing certificate the station can't use is a security event too.
            return refused.Status == UpdateFirmwareStatus.InvalidCertificate
                ? (refused, () => SecurityEventAsync("InvalidFirmwareSigningCertificate", refused.StatusInfo?.ReasonCode))
                : (refused, null);
        }

        var cancellation = new CancellationTokenSource();
        bool replaced;
        lock (_sync)
        {
            if (_rebooting)
                return (Answer(UpdateFirmwareStatus.Rejected, "Rebooting"), null);
            replaced = _running is not null;
            _running?.Cancel();
            _running = cancellation;
            _requestId = request.RequestId;
            _status = FirmwareStatus.Idle;
        }

        var answer = Answer(replaced ? UpdateFirmwareStatus.AcceptedCanceled : UpdateFirmwareStatus.Accepted, null);
        return (answer, () => RunAsync(request, cancellation));
    }

    /// <summary>The station's boot was accepted: an update that rebooted it reports Installed now.</summary>
    public void BootAccepted()
    {
        lock (_sync)
            _rebooted?.TrySetResult();
    }

    private UpdateFirmwareResponse? Refusal(Ocpp.Messages.Firmware firmware) => (firmware.SigningCertificate, firmware.Signature) switch
    {
        (null, null) => null,
        (null, _) => Answer(UpdateFirmwareStatus.Rejected, "NoCertificate"),
        (_, null) => Answer(UpdateFirmwareStatus.Rejected, "NoSignature"),
        var (certificate, _) => FirmwareSignature.CertificateProblem(certificate, time.GetUtcNow()) is { } problem
            ? Answer(UpdateFirmwareStatus.InvalidCertificate, problem)
            : null,
    };

    private static UpdateFirmwareResponse Answer(UpdateFirmwareStatus status, string? reason) => new()
    {
        Status = status,
        StatusInfo = reason is null ? null : new StatusInfo { ReasonCode = reason },
    };

    private async Task RunAsync(UpdateFirmwareRequest request, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        var firmware = request.Firmware;
        try
        {
            if (UntilNow(firmware.RetrieveDateTime) is { } retrieveIn)
            {
                await ReportAsync(request, FirmwareStatus.DownloadScheduled, token).ConfigureAwait(false);
                await LongDelay.WaitAsync(retrieveIn, token).ConfigureAwait(false);
            }

            await ReportAsync(request, FirmwareStatus.Downloading, token).ConfigureAwait(false);
            byte[]? image = null;
            await TransferTries.RunAsync(request.Retries, request.RetryInterval,
                async attempt => (image = await TryDownloadAsync(firmware.Location, attempt).ConfigureAwait(false)) is not null, token).ConfigureAwait(false);
            await StepAsync(token).ConfigureAwait(false);
            if (image is null)
            {
                await ReportAsync(request, FirmwareStatus.DownloadFailed, token).ConfigureAwait(false);
                return;
            }

            await ReportAsync(request, FirmwareStatus.Downloaded, token).ConfigureAwait(false);
            if (firmware is { SigningCertificate: { } certificate, Signature: { } signature })
            {
                await StepAsync(token).ConfigureAwait(false);
                var valid = FirmwareSignature.Verify(certificate, signature, image);
                await ReportAsync(request, valid ? FirmwareStatus.SignatureVerified : FirmwareStatus.InvalidSignature, token).ConfigureAwait(false);
                if (!valid)
                {
                    await SecurityEventAsync("InvalidFirmwareSignature", $"request {request.RequestId}").ConfigureAwait(false); // L01.FR.03
                    return;
                }
            }

            // The image is verified before anything is installed: a file that is none stops here.
            if (FirmwareImage.Version(image) is not { } version)
            {
                await StepAsync(token).ConfigureAwait(false);
                await ReportAsync(request, FirmwareStatus.InstallVerificationFailed, token).ConfigureAwait(false);
                return;
            }

            if (UntilNow(firmware.InstallDateTime) is { } installIn)
            {
                await ReportAsync(request, FirmwareStatus.InstallScheduled, token).ConfigureAwait(false);
                await LongDelay.WaitAsync(installIn, token).ConfigureAwait(false);
            }

            // L01.FR.06: a running transaction is not cut short; the install waits for it to end.
            while (station.Transactions.Any())
                await Task.Delay(TransactionPoll, token).ConfigureAwait(false);
            await ReportAsync(request, FirmwareStatus.Installing, token).ConfigureAwait(false);
            await StepAsync(token).ConfigureAwait(false);
            await ReportAsync(request, FirmwareStatus.InstallRebooting, token).ConfigureAwait(false);
            await StepAsync(token).ConfigureAwait(false);
            await RebootIntoAsync(version, token).ConfigureAwait(false);
            await ReportAsync(request, FirmwareStatus.Installed, CancellationToken.None).ConfigureAwait(false);
            await SecurityEventAsync("FirmwareUpdated", station.FirmwareVersion).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Replaced by a newer UpdateFirmware: that one reports from now on.
        }
        finally
        {
            lock (_sync)
            {
                if (_running == cancellation)
                {
                    _running = null;
                    _requestId = null;
                    _status = FirmwareStatus.Idle;
                }
            }

            cancellation.Dispose();
        }
    }

    /// <summary>From here the update can't be cancelled: the new version is in place and the station boots with it.</summary>
    private async Task RebootIntoAsync(string version, CancellationToken token)
    {
        var rebooted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            token.ThrowIfCancellationRequested();
            _rebooting = true;
            _rebooted = rebooted;
        }

        try
        {
            station.FirmwareVersion = version;
            await station.RebootAsync(BootReason.FirmwareUpdate, "Firmware update").ConfigureAwait(false);
            await rebooted.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (_sync)
            {
                _rebooting = false;
                _rebooted = null;
            }
        }
    }

    /// <summary>A security event of the firmware block (A04's list: FirmwareUpdated, InvalidFirmwareSignature, InvalidFirmwareSigningCertificate).</summary>
    private Task SecurityEventAsync(string type, string? techInfo) =>
        station.SendNowAsync(new SecurityEventNotificationRequest { Type = type, Timestamp = time.GetUtcNow(), TechInfo = techInfo }, CancellationToken.None);

    private async Task ReportAsync(UpdateFirmwareRequest request, FirmwareStatus status, CancellationToken token)
    {
        lock (_sync)
        {
            token.ThrowIfCancellationRequested();
            _status = status;
        }

        StationLog.FirmwareStatus(station.Logger, station.Id, request.RequestId, status);
        await station.SendNowAsync(new FirmwareStatusNotificationRequest { Status = status, RequestId = request.RequestId }, CancellationToken.None)
            .ConfigureAwait(false);
    }

    private Task StepAsync(CancellationToken token) => LongDelay.WaitAsync(station.Options.FirmwareStep, token);

    private TimeSpan? UntilNow(DateTimeOffset? at) => at is { } when && when > time.GetUtcNow() ? when - time.GetUtcNow() : null;

    private async Task<byte[]?> TryDownloadAsync(string location, CancellationToken token)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null; // nothing to fetch: every try fails alike
        try
        {
            using var response = await http.GetAsync(uri, token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false) : null;
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is TaskCanceledException && !token.IsCancellationRequested))
        {
            return null; // a bad host, a refused connection, a timeout: the next try, or DownloadFailed
        }
    }
}
