extern alias csms;

using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms;

/// <summary>
/// The real CSMS: its own Program (through <c>WebApplicationFactory&lt;Program&gt;</c>) on Kestrel
/// on a loopback port, with the settings Aspire would inject (<c>ConnectionStrings:csmsdb</c>, <c>Csms:*</c>).
/// </summary>
public sealed class CsmsTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<csms::Program> _factory;

    private CsmsTestHost(WebApplicationFactory<csms::Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>Starts the CSMS; <paramref name="configure"/> may add services (e.g. a DataTransfer vendor).</summary>
    public static Task<CsmsTestHost> StartAsync(
        string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = connectionString,
            ["Csms:LastSeenFlushSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var factory = new WebApplicationFactory<csms::Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            // Settings, not configuration sources: Program reads the database setting while it builds.
            foreach (var (key, value) in configuration)
                web.UseSetting(key, value);
            web.ConfigureLogging(logging => logging.ClearProviders());
            web.ConfigureServices(services =>
            {
                services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
                configure?.Invoke(services);
            });
        });
        factory.UseKestrel();
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new CsmsTestHost(factory, new Uri(address)));
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
        await _factory.DisposeAsync();
    }
}
