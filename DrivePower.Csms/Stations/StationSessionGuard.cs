using System.Net.WebSockets;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Stations;

/// <summary>
/// Watches one station session for as long as it is open and closes it when it must go: with 1008 when
/// the station is not Accepted within <see cref="CsmsOptions.BootTimeoutSeconds"/> (a socket that never
/// boots holds resources for nothing), with 1001 when the CSMS begins to stop.
/// </summary>
public sealed partial class StationSessionGuard(
    IOptions<CsmsOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StationSessionGuard> logger)
{
    public const string ShuttingDownReason = "CSMS shutting down";

    /// <summary>True once the CSMS has begun to stop: new station connections are refused from then on.</summary>
    public bool IsStopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Completes when the session's connection closes (by either side, or by this guard).</summary>
    public async Task WatchAsync(StationSession session)
    {
        var connection = session.Connection;
        using var endOfWatch = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, connection.Closing);
        var bootTimeout = TimeSpan.FromSeconds(options.Value.BootTimeoutSeconds);
        if (!session.Accepted && await WaitAsync(bootTimeout, endOfWatch.Token) && !session.Accepted)
        {
            Log.BootTimedOut(logger, session.StationId, options.Value.BootTimeoutSeconds);
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation,
                $"No accepted BootNotification within {options.Value.BootTimeoutSeconds} s");
            return;
        }

        await WaitAsync(Timeout.InfiniteTimeSpan, endOfWatch.Token);
        if (IsStopping && !connection.Closing.IsCancellationRequested)
            await connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, ShuttingDownReason);
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
