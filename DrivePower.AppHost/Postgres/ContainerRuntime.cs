using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace DrivePower.AppHost.Postgres;

/// <summary>Whether a container runtime answers, asked the way Aspire will use it.</summary>
public sealed record ContainerRuntime(string Name, bool Healthy, string Problem)
{
    /// <summary>Aspire's own setting for the runtime to use; docker when unset.</summary>
    public const string RuntimeSetting = "ASPIRE_CONTAINER_RUNTIME";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <c>{runtime} info</c>: a client without an engine behind it fails within the timeout.</summary>
    public static ContainerRuntime Probe(IConfiguration configuration)
    {
        var name = configuration[RuntimeSetting] is { Length: > 0 } configured ? configured : "docker";
        var start = new ProcessStartInfo(name, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return new(name, false, $"'{name} info' did not answer within {ProbeTimeout.TotalSeconds:0} s");
            }

            return process.ExitCode == 0
                ? new(name, true, "")
                : new(name, false, $"'{name} info' failed: {FirstLine(error.Result)}");
        }
        catch (Win32Exception)
        {
            return new(name, false, $"'{name}' is not installed");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
