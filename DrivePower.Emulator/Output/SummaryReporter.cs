using DrivePower.Emulator.Configuration;

namespace DrivePower.Emulator.Output;

/// <summary>QUIET mode's heartbeat for humans: one summary line every <see cref="EmulatorOptions.SummaryInterval"/>.</summary>
internal sealed class SummaryReporter(EmulatorOptions options, EmulatorMetrics metrics, ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(SummaryLog.Category);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Quiet)
            return;
        using var timer = new PeriodicTimer(options.SummaryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = metrics.Read();
                SummaryLog.Summary(_logger, options.StationCount, now.Connected, now.Accepted, now.ActiveTransactions,
                    now.Started, now.Ended, now.Sent, now.Failed, now.Received);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
