using DrivePower.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>The emulator running in-process, configured only by the given settings (no environment, no console).</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EmulatorHost(IHost host) => _host = host;

    /// <summary>The control API's address (tests run it on a free port).</summary>
    public Uri ControlAddress => _host.Services.GetRequiredService<DrivePower.Emulator.Control.ControlApiServer>().Address!;

    /// <summary>Fast settings for tests: tiny back-off and meter interval; the given ones win.</summary>
    public static Task<EmulatorHost> StartAsync(TestCsms csms, params (string Key, string Value)[] settings) =>
        StartAsync(csms, null, settings);

    /// <summary>As above, with the emulator's log entries going to <paramref name="logs"/> too.</summary>
    public static async Task<EmulatorHost> StartAsync(TestCsms csms, ILoggerProvider? logs, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["CSMS_URL"] = csms.OcppUrl.ToString(),
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.5",
            ["METER_INTERVAL_SECONDS"] = "0.2",
            ["CALL_TIMEOUT_SECONDS"] = "5",
            ["CONNECT_RATE"] = "1000",
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var host = Build(values, logs);
        await host.StartAsync();
        return new EmulatorHost(host);
    }

    public static IHost Build(IDictionary<string, string?> values, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CONTROL_PORT"] = "0" }); // tests run side by side
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddEmulator();
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
