namespace DrivePower.Emulator.Stations;

/// <summary>
/// Task.Delay for any length: a timer cannot wait longer than about 49.7 days (it throws), yet a CSMS may
/// set a heartbeat interval in seconds up to 68 years or reserve an EVSE until next year. Long waits go in chunks.
/// </summary>
internal static class LongDelay
{
    private static readonly TimeSpan Chunk = TimeSpan.FromDays(30);

    public static async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        while (wait > Chunk)
        {
            await Task.Delay(Chunk, cancellationToken).ConfigureAwait(false);
            wait -= Chunk;
        }

        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}
