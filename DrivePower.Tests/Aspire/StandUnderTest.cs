using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DrivePower.AppHost;

// Not DrivePower.Tests.Aspire: a namespace segment named Aspire would hide the Aspire.* namespaces here.
namespace DrivePower.Tests.AspireStand;

/// <summary>
/// The whole stand started from DrivePower.AppHost with the testing builder (no dashboard), and what
/// the tests ask of it. Every wait has its own timeout.
/// </summary>
internal sealed class StandUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(1);

    private readonly DistributedApplication _app;

    private StandUnderTest(DistributedApplication app) => _app = app;

    public static string StationId => DefaultOf(StandTopology.Env.StationId);

    public static string Setting(string variable, string value) =>
        $"--{StandTopology.EmulatorSettings.Single(s => s.Variable == variable).Key}={value}";

    private static string DefaultOf(string variable) => StandTopology.EmulatorSettings.Single(s => s.Variable == variable).Default;

    public static async Task<StandUnderTest> StartAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DrivePower_AppHost>(args, timeout.Token);
        var app = await appHost.BuildAsync(timeout.Token);
        var stand = new StandUnderTest(app);
        try
        {
            await app.StartAsync(timeout.Token);
        }
        catch
        {
            await stand.DisposeAsync();
            throw;
        }

        return stand;
    }

    /// <summary>The resource's final state and exit code once it has stopped.</summary>
    public async Task<(string? State, int? ExitCode)> WaitForExitAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var stopped = await _app.ResourceNotifications.WaitForResourceAsync(
            resource,
            e => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state),
            timeout.Token);
        return (stopped.Snapshot.State?.Text, stopped.Snapshot.ExitCode);
    }

    public async Task WaitForHealthyAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public HttpClient Csms() => _app.CreateHttpClient(StandTopology.Csms);

    /// <summary>Asks the operator API until <paramref name="found"/> holds for the JSON at <paramref name="path"/>.</summary>
    public async Task<JsonElement> PollAsync(string path, Func<JsonElement, bool> found, TimeSpan within)
    {
        using var csms = Csms();
        using var timeout = new CancellationTokenSource(within);
        JsonElement last = default;
        try
        {
            while (true)
            {
                using var response = await csms.GetAsync(path, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    last = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                    if (found(last))
                        return last;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"GET {path} did not show what was waited for within {within.TotalSeconds:0} s; last answer: {last}");
        }
    }

    public Task<JsonElement> WaitForConnectedStationAsync() =>
        PollAsync("/api/stations", stations => stations.EnumerateArray().Any(s =>
            s.GetProperty("id").GetString() == StationId && s.GetProperty("connected").GetBoolean()), StepTimeout);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
