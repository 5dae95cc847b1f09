namespace DrivePower.Emulator.Stations;

/// <summary>
/// The tries of a transfer the CSMS asks a station for (GetLog's upload, UpdateFirmware's download): 1 + retries,
/// retryInterval seconds apart, until one succeeds. Negative counts are taken as 0.
/// </summary>
internal static class TransferTries
{
    /// <summary>True when a try succeeded; false after the last one failed.</summary>
    public static async Task<bool> RunAsync(int? retries, int? retryInterval, Func<CancellationToken, Task<bool>> attempt, CancellationToken cancellationToken)
    {
        var tries = 1 + Math.Max(0, retries ?? 0);
        for (var number = 1; number <= tries; number++)
        {
            if (await attempt(cancellationToken).ConfigureAwait(false))
                return true;
            if (number < tries)
                await LongDelay.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, retryInterval ?? 0)), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
