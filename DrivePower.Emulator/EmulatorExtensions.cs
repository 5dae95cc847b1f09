using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Control;
using DrivePower.Emulator.Handlers;
using DrivePower.Emulator.Output;
using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.Options;

namespace DrivePower.Emulator;

public static class EmulatorExtensions
{
    /// <summary>The stations, their shared handlers and telemetry, and the QUIET summary.</summary>
    public static IHostApplicationBuilder AddEmulator(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddEmulatorOptions(builder.Configuration);
        services.AddMetrics();
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(OcppRpcTelemetry.Name, EmulatorMetrics.MeterName));
        builder.AddExportedTracing(tracing => tracing.AddSource(OcppRpcTelemetry.Name));
        services.AddSingleton<EmulatorMetrics>();
        services.AddSingleton(provider => new OcppRpcTelemetry(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(_ => StationHandlers.Create());
        services.AddSingleton<StationServices>();
        services.AddSingleton<StationDirectory>();
        services.AddSingleton<ControlApiServer>();
        services.AddHostedService(provider => provider.GetRequiredService<ControlApiServer>());
        services.AddHostedService<EmulatorService>();
        services.AddHostedService<SummaryReporter>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>
    /// Runs the emulator. Settings are checked first: a bad one prints what is wrong with it (one line
    /// each, naming the setting) and the process exits with code 2 before anything starts.
    /// </summary>
    public static async Task<int> RunEmulatorAsync(this IHost host)
    {
        try
        {
            host.Services.GetRequiredService<EmulatorOptions>();
        }
        catch (OptionsValidationException invalid)
        {
            await Console.Error.WriteLineAsync("The emulator's configuration is invalid:").ConfigureAwait(false);
            foreach (var failure in invalid.Failures)
                await Console.Error.WriteLineAsync($"  {failure}").ConfigureAwait(false);
            return 2;
        }

        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
