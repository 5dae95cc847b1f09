using DrivePower.Tests.Migrations;

namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// The built CSMS (<c>dotnet DrivePower.Csms.dll</c> of this build's configuration) as a process of its own,
/// on a loopback port fixed for its lifetime so that it can be killed and started again where the stations
/// expect it. Production environment, logs at Warning.
/// </summary>
internal sealed class CsmsProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(30);
    private readonly string _connectionString;
    private WorkerProcess? _process;

    private CsmsProcess(string connectionString, int port)
    {
        _connectionString = connectionString;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
    }

    public Uri BaseAddress { get; }

    public Uri OcppUrl => new($"ws://{BaseAddress.Authority}/ocpp");

    /// <summary>The operator API and health endpoints (no key: loopback).</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the CSMS on a free loopback port against <paramref name="connectionString"/> (migrated) and waits until it is healthy.</summary>
    public static async Task<CsmsProcess> StartAsync(string connectionString)
    {
        var csms = new CsmsProcess(connectionString, LoopbackPort.Free());
        await csms.StartAgainAsync();
        return csms;
    }

    /// <summary>SIGKILL: no graceful shutdown, nothing flushed, sockets torn down by the kernel.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await process.KillAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the CSMS (again) on the same port and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException("The CSMS is running.");
        _process = WorkerProcess.StartProject(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority),
            ["ConnectionStrings__csmsdb"] = _connectionString,
            ["Csms__LastSeenFlushSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__DrivePower.Ocpp.Frames"] = "Warning",
        });
        var deadline = DateTime.UtcNow + HealthyWithin;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The CSMS exited at start:{Environment.NewLine}{_process.Output}");
            try
            {
                using var health = await Http.GetAsync("health");
                if (health.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The CSMS was not healthy within {HealthyWithin.TotalSeconds} s:{Environment.NewLine}{_process.Output}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
    }
}
