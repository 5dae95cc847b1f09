using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Output;
using DrivePower.Emulator.Scenario;

namespace DrivePower.Emulator.Stations;

/// <summary>Runs every configured station (and its scenario) until the host stops.</summary>
internal sealed class EmulatorService(EmulatorOptions options, StationServices services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        StationLog.Starting(services.Logger, options.StationCount, options.CsmsUrl, options.Scenario.ToString().ToLowerInvariant());
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) });
        var throttle = new ConnectThrottle(options.ConnectRate);
        await Task.WhenAll(options.StationIds().Select(id => RunStationAsync(new Station(id, services), throttle, invoker, stoppingToken))).ConfigureAwait(false);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        StationLog.Stopping(services.Logger);
        return base.StopAsync(cancellationToken);
    }

    private async Task RunStationAsync(Station station, ConnectThrottle throttle, HttpMessageInvoker invoker, CancellationToken stoppingToken)
    {
        try
        {
            var scenario = options.Scenario == ScenarioKind.Charging
                ? new ChargingScenario(station).RunAsync(stoppingToken)
                : Task.CompletedTask;
            await Task.WhenAll(new StationRunner(station, throttle, invoker).RunAsync(stoppingToken), scenario).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StationLog.StationFailed(services.Logger, exception, station.Id);
        }
    }
}
