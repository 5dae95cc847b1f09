namespace DrivePower.Csms.Events;

/// <summary>The default subscriber: every station event goes to the log.</summary>
public sealed partial class StationEventLogger(StationEventHub hub, ILogger<StationEventLogger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var stationEvent in hub.SubscribeAsync(stoppingToken))
                Log.Event(logger, stationEvent.StationId, stationEvent);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Information, "Station {StationId}: {StationEvent}", EventName = "StationEvent")]
        public static partial void Event(ILogger logger, string stationId, StationEvent stationEvent);
    }
}
