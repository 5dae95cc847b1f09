using System.Net.WebSockets;
using DrivePower.Csms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms;

/// <summary>
/// The real CSMS, composed as Program.cs composes it, on a loopback port, with the settings Aspire
/// would inject (<c>ConnectionStrings:csmsdb</c>, <c>Csms:*</c>).
/// </summary>
public sealed class CsmsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CsmsTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts the CSMS; <paramref name="configure"/> may add services (e.g. a DataTransfer vendor) before it is built.</summary>
    public static async Task<CsmsTestHost> StartAsync(
        string connectionString, IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = connectionString,
            ["Csms:LastSeenFlushSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
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

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CsmsTestHost(app, new Uri(address));
    }

    public Uri OcppUri(string stationId) =>
        new($"ws://{BaseAddress.Authority}/ocpp/{Uri.EscapeDataString(stationId)}");

    /// <summary>Opens a station's WebSocket offering <paramref name="subprotocols"/> (default: ocpp2.0.1).</summary>
    public async Task<ClientWebSocket> OpenSocketAsync(string stationId, params string[] subprotocols)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var subprotocol in subprotocols.Length == 0 ? ["ocpp2.0.1"] : subprotocols)
            socket.Options.AddSubProtocol(subprotocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(OcppUri(stationId), timeout.Token);
        return socket;
    }

    /// <summary>Connects a test station speaking OCPP through the library.</summary>
    public async Task<TestStation> ConnectAsync(string stationId) =>
        new(await OpenSocketAsync(stationId), stationId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}
