using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// A CSMS under load, in a process of its own so that its resident memory is its own: the real CSMS
/// (migrated database, logs at Warning) or the baseline that answers and stores nothing.
/// </summary>
internal sealed class CsmsProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CsmsProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        OcppBase = new Uri($"ws://127.0.0.1:{port}/ocpp/");
        HttpBase = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri OcppBase { get; }

    public Uri HttpBase { get; }

    /// <summary>The process's resident memory now.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The CPU time the process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<CsmsProcess> StartPersistentAsync(string connectionString)
    {
        await MigrateAsync(connectionString);
        var port = FreePort();
        var csms = new CsmsProcess("DrivePower CSMS (PostgreSQL)", Start(BuildOutput.Find("DrivePower.Csms"), [], new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__csmsdb"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__DrivePower.Ocpp.Frames"] = "Warning",
            ["Csms__HeartbeatIntervalSeconds"] = "3600",
        }), port);
        await csms.WaitUntilHealthyAsync("health");
        return csms;
    }

    /// <summary>The benchmark itself in its <c>answer-csms</c> mode: the same RPC stack, nothing stored.</summary>
    public static async Task<CsmsProcess> StartBaselineAsync()
    {
        var port = FreePort();
        var csms = new CsmsProcess("baseline (answers, stores nothing)",
            Start(typeof(CsmsProcess).Assembly.Location, ["answer-csms", port.ToString()], []), port);
        await csms.WaitUntilHealthyAsync("alive");
        return csms;
    }

    private static async Task MigrateAsync(string connectionString)
    {
        using var migrator = Start(BuildOutput.Find("DrivePower.Migrations"), ["up"], new() { ["ConnectionStrings__csmsdb"] = connectionString });
        var output = migrator.StandardOutput.ReadToEndAsync();
        var errors = migrator.StandardError.ReadToEndAsync();
        await migrator.WaitForExitAsync();
        if (migrator.ExitCode != 0)
            throw new InvalidOperationException($"The migrator exited with {migrator.ExitCode}:{Environment.NewLine}{await output}{await errors}");
    }

    private static Process Start(string assembly, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [assembly, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
    }

    private async Task WaitUntilHealthyAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = HttpBase, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            try
            {
                if ((await http.GetAsync(path)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            if (_output.Length < 64 * 1024)
                _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
