using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Control;
using DrivePower.Emulator.Output;
using DrivePower.Emulator.Scenario;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// Runs every configured station (and its scenario) until the host stops. Stopping switches the
/// stations off first: the scenarios stop, running transactions end (PowerLoss) and their Ended events
/// are delivered, within <see cref="SwitchOffTimeout"/>; only then do the sockets close.
/// </summary>
internal sealed class EmulatorService(EmulatorOptions options, StationServices services, StationDirectory directory) : BackgroundService
{
    /// <summary>How long a stop waits for the stations' last transaction events to reach the CSMS.</summary>
    public static readonly TimeSpan SwitchOffTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _scenariosStop = new();
    private IReadOnlyList<Station> _stations = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        StationLog.Starting(services.Logger, options.StationCount, options.CsmsUrl, options.Scenario.ToString().ToLowerInvariant());
        // CSMS_CA_FILE and the client certificate (profiles 2, 3) live in the handler every station's socket uses.
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            SslOptions = options.CsmsTls?.ClientOptions() ?? new(),
        });
        var throttle = new ConnectThrottle(options.ConnectRate);
        _stations = [.. options.StationIds().Select(id => new Station(id, services))];
        foreach (var station in _stations)
            directory.Add(station);
        using var scenarios = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _scenariosStop.Token);
        await Task.WhenAll(_stations.Select(station => RunStationAsync(station, throttle, invoker, scenarios.Token, stoppingToken))).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        StationLog.Stopping(services.Logger);
        await _scenariosStop.CancelAsync().ConfigureAwait(false);
        using (var switchOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            switchOff.CancelAfter(SwitchOffTimeout);
            await Task.WhenAll(_stations.Select(station => station.SwitchOffAsync(switchOff.Token))).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _scenariosStop.Dispose();
        base.Dispose();
    }

    private async Task RunStationAsync(Station station, ConnectThrottle throttle, HttpMessageInvoker invoker, CancellationToken scenarioToken, CancellationToken stoppingToken)
    {
        try
        {
            var scenario = options.Scenario == ScenarioKind.Charging
                ? new ChargingScenario(station).RunAsync(scenarioToken)
                : Task.CompletedTask;
            await Task.WhenAll(new StationRunner(station, throttle, invoker).RunAsync(stoppingToken), scenario).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StationLog.StationFailed(services.Logger, exception, station.Id);
        }
    }
}
