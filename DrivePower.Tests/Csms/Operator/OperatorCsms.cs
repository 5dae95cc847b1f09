using System.Net.WebSockets;
using DrivePower.Csms;
using DrivePower.Ocpp.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>
/// The real CSMS composed as Program.cs composes it, on a loopback port, with the database setting
/// Aspire injects (<c>ConnectionStrings:csmsdb</c>) and any <c>Csms:*</c> settings a test needs.
/// </summary>
public sealed class OperatorCsms : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OperatorCsms(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<OperatorCsms> StartAsync(
        string connectionString, IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = connectionString,
            ["Csms:LastSeenFlushSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        builder.AddServiceDefaults();
        builder.AddCsms();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapCsms();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new OperatorCsms(app, new Uri(address));
    }

    /// <summary>Connects a station speaking OCPP through the library; <paramref name="handlers"/> answer the CSMS's CALLs.</summary>
    public async Task<OperatorStation> ConnectAsync(string stationId, OcppHandlerRegistry? handlers = null, bool boot = true)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp2.0.1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri($"ws://{BaseAddress.Authority}/ocpp/{Uri.EscapeDataString(stationId)}"), timeout.Token);
        var station = new OperatorStation(socket, stationId, handlers);
        if (boot)
            await station.BootAsync();
        return station;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}
