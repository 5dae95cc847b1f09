using BenchmarkDotNet.Running;

// Micro-benchmarks of the OCPP library (BenchmarkDotNet): `dotnet run -c Release --project DrivePower.Benchmarks`.
// Filter with `-- --filter '*Rpc*'`; see README, "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The benchmarks' entry point.</summary>
public partial class Program;
