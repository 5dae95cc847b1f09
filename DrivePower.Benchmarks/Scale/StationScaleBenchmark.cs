using System.Diagnostics;

namespace DrivePower.Benchmarks.Scale;

/// <summary>
/// Emulator memory per idle station: runs the built emulator as its own process, once with one
/// station and once with <c>count</c>, against <see cref="AnsweringCsms"/>; once every station has
/// booted and reported its connector and settled, the difference in the process's resident memory,
/// divided by the extra stations, is the cost of one idle station (socket, RPC, state, timers).
/// </summary>
internal static class StationScaleBenchmark
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(int count)
    {
        var emulator = BuildOutput.Find("DrivePower.Emulator");
        Console.WriteLine($"Emulator: {emulator}");
        var baseline = await MeasureAsync(emulator, 1);
        var loaded = await MeasureAsync(emulator, count);

        var perStation = (loaded.ResidentBytes - baseline.ResidentBytes) / (double)(count - 1);
        Console.WriteLine();
        Console.WriteLine($"| stations | boot time | stations/s | resident memory | threads |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|");
        foreach (var run in new[] { baseline, loaded })
            Console.WriteLine($"| {run.Stations} | {run.BootTime.TotalSeconds:0.0} s | {run.Stations / run.BootTime.TotalSeconds:0} | {run.ResidentBytes / 1048576.0:0.0} MiB | {run.Threads} |");
        Console.WriteLine();
        Console.WriteLine($"Memory per idle station: {perStation / 1024:0.0} KiB");
        return 0;
    }

    private sealed record Run(int Stations, TimeSpan BootTime, long ResidentBytes, int Threads);

    private static async Task<Run> MeasureAsync(string emulator, int stations)
    {
        await using var csms = await AnsweringCsms.StartAsync();
        var start = new ProcessStartInfo("dotnet", [emulator])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["CSMS_URL"] = csms.OcppUrl.ToString(),
                ["STATION_ID"] = "BENCH",
                ["STATION_COUNT"] = stations.ToString(),
                ["QUIET"] = "true",
                ["SCENARIO"] = "idle",
                ["CONNECT_RATE"] = "500",
                ["DOTNET_gcServer"] = "0",
            },
        };
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (csms.Statuses < stations)
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(5))
                throw new InvalidOperationException($"Only {csms.Booted} of {stations} stations booted.");
            await Task.Delay(50);
        }

        var bootTime = clock.Elapsed;
        await Task.Delay(Settle);
        process.Refresh();
        var run = new Run(stations, bootTime, process.WorkingSet64, process.Threads.Count);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return run;
    }
}
