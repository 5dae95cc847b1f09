using System.Net.WebSockets;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Stations;

/// <summary>
/// Watches one station session for as long as it is open and closes it when it must go: with 1008 when
/// the station is not Accepted within <see cref="CsmsOptions.BootTimeoutSeconds"/> (a socket that never
/// boots holds resources for nothing).
/// </summary>
public sealed partial class StationSessionGuard(
    IOptions<CsmsOptions> options, TimeProvider time, ILogger<StationSessionGuard> logger)
{
    /// <summary>Completes when the session's connection closes (by either side, or by this guard).</summary>
    public async Task WatchAsync(StationSession session)
    {
        var connection = session.Connection;
        var endOfWatch = connection.Closing;
        var bootTimeout = TimeSpan.FromSeconds(options.Value.BootTimeoutSeconds);
        if (!session.Accepted && await WaitAsync(bootTimeout, endOfWatch) && !session.Accepted)
        {
            Log.BootTimedOut(logger, session.StationId, options.Value.BootTimeoutSeconds);
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation,
                $"No accepted BootNotification within {options.Value.BootTimeoutSeconds} s");
        }
    }

    /// <summary>True when <paramref name="delay"/> passed, false when <paramref name="cancellationToken"/> ended the wait first.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(404, LogLevel.Warning, "Station {StationId} sent no accepted BootNotification within {BootTimeoutSeconds} s; its connection is closed",
            EventName = "StationBootTimedOut")]
        public static partial void BootTimedOut(ILogger logger, string stationId, int bootTimeoutSeconds);
    }
}
