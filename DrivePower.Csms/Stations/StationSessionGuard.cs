using System.Net.WebSockets;
using DrivePower.Csms.Configuration;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Stations;

/// <summary>
/// Closes station sessions that must go: with 1008 when the station is not Accepted within
/// <see cref="CsmsOptions.BootTimeoutSeconds"/> (a socket that never boots holds resources for nothing),
/// with 1001 when the CSMS begins to stop. One sweep over all sessions instead of a timer and a waiting
/// task per connection, which thousands of idle stations would each hold.
/// </summary>
public sealed partial class StationSessionGuard(
    StationConnections connections, IOptions<CsmsOptions> options, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<StationSessionGuard> logger) : BackgroundService
{
    public const string ShuttingDownReason = "CSMS shutting down";

    /// <summary>True once the CSMS has begun to stop: new station connections are refused from then on.</summary>
    public bool IsStopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>
    /// For a session registered just now: closes it with 1001 when the CSMS is already stopping (the stop's
    /// sweep may have gone by before it was registered). Null when it may stay.
    /// </summary>
    public Task? CloseIfStopping(StationSession session) => IsStopping ? CloseForStopAsync(session) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var onStop = lifetime.ApplicationStopping.Register(CloseEveryoneForStop);
        var bootTimeout = TimeSpan.FromSeconds(options.Value.BootTimeoutSeconds);
        // A quarter of the timeout, at most a second: a silent socket goes within 25 % (or 1 s) of its time.
        using var sweeps = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(bootTimeout.Ticks / 4, TimeSpan.TicksPerSecond)), time);
        try
        {
            while (await sweeps.WaitForNextTickAsync(stoppingToken))
                CloseUnbooted(bootTimeout);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the CSMS is stopping
        }
    }

    private void CloseUnbooted(TimeSpan bootTimeout)
    {
        var now = time.GetUtcNow();
        foreach (var session in connections.All)
        {
            if (session.Accepted || now - session.ConnectedAt < bootTimeout || session.Connection.Closing.IsCancellationRequested)
                continue;
            Log.BootTimedOut(logger, session.StationId, options.Value.BootTimeoutSeconds);
            _ = session.Connection.CloseAsync(WebSocketCloseStatus.PolicyViolation,
                $"No accepted BootNotification within {options.Value.BootTimeoutSeconds} s");
        }
    }

    private void CloseEveryoneForStop()
    {
        foreach (var session in connections.All)
            _ = CloseForStopAsync(session);
    }

    private static Task CloseForStopAsync(StationSession session) =>
        session.Connection.Closing.IsCancellationRequested
            ? Task.CompletedTask
            : session.Connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, ShuttingDownReason);

    private static partial class Log
    {
        [LoggerMessage(404, LogLevel.Warning, "Station {StationId} sent no accepted BootNotification within {BootTimeoutSeconds} s; its connection is closed",
            EventName = "StationBootTimedOut")]
        public static partial void BootTimedOut(ILogger logger, string stationId, int bootTimeoutSeconds);
    }
}
