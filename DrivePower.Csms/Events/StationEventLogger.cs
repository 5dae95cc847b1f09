namespace DrivePower.Csms.Events;

/// <summary>
/// The default subscriber: every station event goes to the log at Information. While that level is off
/// for it (a load test, a quiet log) it does not subscribe at all, since taking every event only to drop
/// it cost a queue write and a wake-up per event; it looks again every few seconds, so a level turned on
/// while the CSMS runs starts the log within that time.
/// </summary>
public sealed partial class StationEventLogger(StationEventHub hub, TimeProvider time, ILogger<StationEventLogger> logger) : BackgroundService
{
    private static readonly TimeSpan LevelCheckInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (logger.IsEnabled(LogLevel.Information))
                    await LogWhileEnabledAsync(stoppingToken);
                await Task.Delay(LevelCheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LogWhileEnabledAsync(CancellationToken stoppingToken)
    {
        await foreach (var stationEvent in hub.SubscribeAsync(stoppingToken))
        {
            if (!logger.IsEnabled(LogLevel.Information))
                return; // leaving the loop ends the subscription
            Log.Event(logger, stationEvent.StationId, stationEvent);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Information, "Station {StationId}: {StationEvent}", EventName = "StationEvent")]
        public static partial void Event(ILogger logger, string stationId, StationEvent stationEvent);
    }
}
