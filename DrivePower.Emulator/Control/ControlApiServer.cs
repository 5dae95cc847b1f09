using System.Net;
using DrivePower.Emulator.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrivePower.Emulator.Control;

/// <summary>Serves the control API on CONTROL_HOST:CONTROL_PORT (0: any free port) for as long as the emulator runs.</summary>
internal sealed partial class ControlApiServer(EmulatorOptions options, StationDirectory directory, ILogger<ControlApiServer> logger) : IHostedService
{
    private WebApplication? _app;

    /// <summary>Where it listens, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(ListenAddress(options.ControlHost), options.ControlPort));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(directory);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlJsonContext.Default));
        _app = builder.Build();
        _app.UseStatusCodePages();
        _app.MapControlApi();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (!options.Quiet) // QUIET prints warnings and the summary only
            Log.Listening(logger, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IPAddress ListenAddress(string host) =>
        host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var address) ? address : IPAddress.Any;

    private static partial class Log
    {
        [LoggerMessage(900, LogLevel.Information, "Control API listening on {Address}", EventName = "ControlApiListening")]
        public static partial void Listening(ILogger logger, Uri address);
    }
}
