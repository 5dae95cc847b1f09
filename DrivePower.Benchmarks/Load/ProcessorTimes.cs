using System.Diagnostics;

namespace DrivePower.Benchmarks.Load;

/// <summary>
/// The CPU time of the processes that share the machine under load, at one moment: the CSMS, this
/// generator, and the local PostgreSQL server (every process named <c>postgres</c>, which is all of its
/// clusters; none when it runs elsewhere). Two of them give CPU per call over the stretch between:
/// how the cores were shared out, and what a change to one process saved. A backend that exits in the
/// stretch takes its time with it; one that starts in it counts whole.
/// </summary>
internal sealed class ProcessorTimes
{
    private readonly TimeSpan _csms;
    private readonly TimeSpan _generator;
    private readonly Dictionary<int, TimeSpan> _postgres;

    private ProcessorTimes(TimeSpan csms, TimeSpan generator, Dictionary<int, TimeSpan> postgres)
    {
        _csms = csms;
        _generator = generator;
        _postgres = postgres;
    }

    public static ProcessorTimes Take(CsmsProcess csms)
    {
        var postgres = new Dictionary<int, TimeSpan>();
        foreach (var process in PostgresProcesses())
        {
            using (process)
            {
                if (TryProcessorTime(process) is { } time)
                    postgres[process.Id] = time;
            }
        }

        using var generator = Process.GetCurrentProcess();
        return new ProcessorTimes(csms.ProcessorTime, generator.TotalProcessorTime, postgres);
    }

    /// <summary>Microseconds of CPU per call from this moment to <paramref name="later"/>.</summary>
    public CpuPerCall PerCall(ProcessorTimes later, long calls)
    {
        var n = Math.Max(1, calls);
        var postgres = later._postgres.Sum(p => (p.Value - _postgres.GetValueOrDefault(p.Key)).TotalMicroseconds);
        return new CpuPerCall(
            (later._csms - _csms).TotalMicroseconds / n,
            (later._generator - _generator).TotalMicroseconds / n,
            later._postgres.Count == 0 ? null : postgres / n);
    }

    /// <summary>
    /// On Linux by the kernel's name for the process: PostgreSQL rewrites its backends' command lines
    /// ("postgres: user db host idle"), which is what .NET's process names are taken from there.
    /// </summary>
    private static IEnumerable<Process> PostgresProcesses()
    {
        if (!OperatingSystem.IsLinux())
            return Process.GetProcessesByName("postgres");
        var found = new List<Process>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "postgres")
                    found.Add(Process.GetProcessById(pid));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // exited meanwhile
            }
        }

        return found;
    }

    private static TimeSpan? TryProcessorTime(Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null; // exited meanwhile, or not ours to read
        }
    }
}

/// <summary>CPU per call in microseconds; PostgreSQL's is null when no local server process is visible.</summary>
internal readonly record struct CpuPerCall(double CsmsUs, double GeneratorUs, double? PostgresUs);
