using BenchmarkDotNet.Running;
using DrivePower.Benchmarks.Scale;

// `dotnet run -c Release --project DrivePower.Benchmarks -- --filter '*'`: BenchmarkDotNet micro-benchmarks.
// `dotnet run -c Release --project DrivePower.Benchmarks -- stations 2000`: emulator memory per idle station.
// See README, "Benchmarks".
if (args is ["stations", ..])
    return await StationScaleBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>The benchmarks' entry point.</summary>
public partial class Program;
