using System.Diagnostics;
using System.Text;

namespace DrivePower.Tests.Migrations;

/// <summary>The built DrivePower.Migrations worker as a real process: <c>dotnet DrivePower.Migrations.dll</c>.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private WorkerProcess(Process process) => _process = process;

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var worker = Start(environment, args);
        return await worker.WaitForExitAsync();
    }

    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test says: no database settings leak in from the test's own environment.
        start.Environment.Remove("ConnectionStrings__csmsdb");
        start.Environment.Remove("DATABASE_URL");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
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
    /// The worker's own build output (bin/&lt;configuration&gt;/&lt;tfm&gt; beside this test project's):
    /// the copy in the test output would load the test project's shared frameworks, not its own.
    /// </summary>
    private static string WorkerDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(
            repository.FullName, "DrivePower.Migrations", "bin", configuration.Name, testOutput.Name, "DrivePower.Migrations.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build DrivePower.Migrations first.", dll);
    }
}
