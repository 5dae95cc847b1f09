using System.Diagnostics;
using System.Text;

namespace DrivePower.Tests.Migrations;

/// <summary>
/// A built DrivePower program as a real process: <c>dotnet DrivePower.Migrations.dll</c> (the default) or
/// another project's, e.g. the CSMS's start-up checks and commands.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private WorkerProcess(Process process) => _process = process;

    public sealed record Result(int ExitCode, string Output, string Error);

    public const string Migrations = "DrivePower.Migrations";
    public const string Csms = "DrivePower.Csms";

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var worker = Start(environment, args);
        return await worker.WaitForExitAsync();
    }

    /// <summary>Runs <paramref name="project"/>'s build output, writing <paramref name="input"/> (if any) to its standard input.</summary>
    public static async Task<Result> RunProjectAsync(
        string project, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        using var process = Start(project, environment, input is not null, args);
        if (input is not null)
        {
            await process._process.StandardInput.WriteAsync(input);
            process._process.StandardInput.Close();
        }

        return await process.WaitForExitAsync();
    }

    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(Migrations, environment, redirectInput: false, args);

    /// <summary>Starts <paramref name="project"/>'s build output and leaves it running (a server: the CSMS).</summary>
    public static WorkerProcess StartProject(string project, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(project, environment, redirectInput: false, args);

    /// <summary>What the process wrote so far, standard output then standard error.</summary>
    public string Output
    {
        get
        {
            lock (_awaited)
            {
                return _output.ToString() + _error;
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL to the process and its children (no shutdown of any kind), then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(Timeout);
    }

    private static WorkerProcess Start(string project, IReadOnlyDictionary<string, string> environment, bool redirectInput, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltDll(project));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test says: no database settings leak in from the test's own environment.
        start.Environment.Remove("ConnectionStrings__csmsdb");
        start.Environment.Remove("DATABASE_URL");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var worker = new WorkerProcess(new Process { StartInfo = start });
        worker._process.OutputDataReceived += (_, e) => worker.Append(worker._output, e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(worker._error, e.Data);
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Completes when standard output has shown <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text)
    {
        lock (_awaited)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
            return seen.Task.WaitAsync(Timeout);
        }
    }

    public async Task<Result> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeout);
        _process.WaitForExit(); // drains the asynchronous readers
        lock (_awaited)
        {
            return new Result(_process.ExitCode, _output.ToString(), _error.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_awaited)
        {
            buffer.AppendLine(line);
            var output = _output.ToString();
            foreach (var awaited in _awaited.Where(a => output.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    /// <summary>
    /// The project's own build output (bin/&lt;configuration&gt;/&lt;tfm&gt; beside this test project's):
    /// the copy in the test output would load the test project's shared frameworks, not its own.
    /// </summary>
    private static string BuiltDll(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(
            repository.FullName, project, "bin", configuration.Name, testOutput.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first.", dll);
    }
}
