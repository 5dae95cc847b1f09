using BenchmarkDotNet.Running;
using DrivePower.Benchmarks.Load;
using DrivePower.Benchmarks.Scale;

// `dotnet run -c Release --project DrivePower.Benchmarks -- --filter '*'`: BenchmarkDotNet micro-benchmarks.
// `dotnet run -c Release --project DrivePower.Benchmarks -- stations 2000`: emulator memory per idle station.
// `dotnet run -c Release --project DrivePower.Benchmarks -- load --db "<connection string>"`: the CSMS under load.
// See README, "Benchmarks", and docs/performance.md.
if (args is ["load", .. var loadArgs])
    return await LoadBenchmark.RunAsync(loadArgs);
if (args is ["answer-csms", var port])
{
    // The load benchmark's baseline CSMS, run as its own process until killed.
    await using var baseline = await AnsweringCsms.StartAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
    await Task.Delay(Timeout.Infinite);
}

if (args is ["stations", ..])
    return await StationScaleBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>The benchmarks' entry point.</summary>
public partial class Program;
