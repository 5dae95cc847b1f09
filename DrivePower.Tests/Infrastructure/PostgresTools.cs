using System.Diagnostics;

namespace DrivePower.Tests.Infrastructure;

/// <summary>Finds and runs the PostgreSQL server binaries (as the postgres user when we are root).</summary>
internal static class PostgresTools
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>DRIVEPOWER_PG_BIN, else the newest /usr/lib/postgresql/*/bin that has pg_ctl.</summary>
    public static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("DRIVEPOWER_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl"))
                ? configured
                : throw new InvalidOperationException($"DRIVEPOWER_PG_BIN={configured} has no pg_ctl.");
        }

        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1, Bin: Path.Combine(dir, "bin")))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries: install PostgreSQL, or set DRIVEPOWER_PG_BIN to its bin directory, or DRIVEPOWER_TEST_POSTGRES to a server's connection string.");
    }

    /// <summary>Runs a server binary; as root through <c>runuser -u postgres --</c>.</summary>
    public static Task<string> RunAsPostgresAsync(string binDirectory, string tool, params string[] arguments)
    {
        var program = Path.Combine(binDirectory, tool);
        return RunningAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);
    }

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {CommandTimeout}.");
        }

        var text = await output + await error;
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {text}");
    }
}
