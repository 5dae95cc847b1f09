using System.Diagnostics;

namespace DrivePower.Tests.Migrations;

/// <summary>Runs the built DrivePower.Migrations worker as a real process: <c>dotnet DrivePower.Migrations.dll</c>.</summary>
internal static class WorkerProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

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

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
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

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return new Result(process.ExitCode, await output, await error);
    }
}
