using System.Diagnostics;
using Npgsql;

namespace DrivePower.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster in /tmp/drivepower-pg-&lt;user&gt;/&lt;pid&gt;-&lt;id&gt;: initdb with trust auth, pg_ctl on
/// 127.0.0.1 with its socket in the same directory, durability off for speed. A cluster left behind
/// by a test process that died is stopped and deleted by the next one.
/// </summary>
internal sealed class ThrowawayCluster : IAsyncDisposable
{
    // Short and fixed (a Unix socket path has at most 107 bytes); one root per user.
    private static readonly string Root = $"/tmp/drivepower-pg-{Environment.UserName}";
    private const int StartAttempts = 3;

    private readonly string _binDirectory;
    private readonly string _directory;
    private int _port;
    private bool _running;

    private ThrowawayCluster(string binDirectory, string directory)
    {
        _binDirectory = binDirectory;
        _directory = directory;
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<ThrowawayCluster> CreateAsync()
    {
        var binDirectory = PostgresTools.FindBinDirectory();
        Directory.CreateDirectory(Root);
        await RemoveAbandonedAsync(binDirectory);

        var directory = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(directory);
        if (PostgresTools.RunningAsRoot)
        {
            await PostgresTools.RunAsync("chown", ["postgres:postgres", directory]);
        }

        var cluster = new ThrowawayCluster(binDirectory, directory);
        cluster.StartWatchdog();
        try
        {
            await PostgresTools.RunAsPostgresAsync(
                binDirectory, "initdb", "-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync");
            await cluster.StartOnFreePortAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        await PostgresTools.RunAsPostgresAsync(
            _binDirectory, "pg_ctl", "start", "-D", DataDirectory, "-w", "-t", "30",
            "-l", Path.Combine(_directory, "postgres.log"),
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        _running = true;
    }

    public async Task StopAsync(string mode)
    {
        await PostgresTools.RunAsPostgresAsync(_binDirectory, "pg_ctl", "stop", "-D", DataDirectory, "-w", "-m", mode);
        _running = false;
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync("immediate");
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task StartOnFreePortAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            _port = LoopbackPort.Free();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Another process took the port between the probe and the bind: try another.
            }
        }
    }

    /// <summary>
    /// The test host may be killed rather than exit: a detached shell waits for this process to end
    /// and then stops the server and deletes its directory, whatever happened to the host.
    /// </summary>
    private void StartWatchdog()
    {
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        var asPostgres = PostgresTools.RunningAsRoot ? "runuser -u postgres -- " : string.Empty;
        var script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId}; do sleep 1; done
            [ -f '{DataDirectory}/postmaster.pid' ] && {asPostgres}'{pgCtl}' stop -D '{DataDirectory}' -m immediate
            rm -rf '{_directory}'
            """;
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["sh", "-c", script])
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start);
    }

    private static async Task RemoveAbandonedAsync(string binDirectory)
    {
        foreach (var directory in Directory.GetDirectories(Root))
        {
            var owner = Path.GetFileName(directory).Split('-')[0];
            if (!int.TryParse(owner, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
                {
                    await PostgresTools.RunAsPostgresAsync(binDirectory, "pg_ctl", "stop", "-D", Path.Combine(directory, "data"), "-m", "immediate");
                }

                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Someone else's or half-gone: not this run's business.
            }
        }
    }
}
