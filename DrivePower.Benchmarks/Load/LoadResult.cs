namespace DrivePower.Benchmarks.Load;

/// <summary>What one CSMS did under the load, and the table that prints it.</summary>
internal sealed record LoadResult(
    string Csms,
    int Booted,
    TimeSpan StormTime,
    int StormFailures,
    double CallsPerSecond,
    (double P50, double P90, double P99, double Max) LatencyMs,
    int Failed,
    long Acknowledged,
    long? Stored,
    double BytesPerStation,
    long ResidentBytes,
    CpuPerCall Cpu)
{
    /// <summary>Acknowledged StatusNotifications not in the database (0 when nothing is stored by design).</summary>
    public long Missing => Stored is { } stored ? Math.Max(0, Acknowledged - stored) : 0;

    public static void Print(IReadOnlyList<LoadResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| CSMS | storm: stations/s | loop: calls/s | p50 / p90 / p99 / max (ms) | failed calls | acknowledged / stored | resident memory | per station | loop CPU per call (µs): CSMS / generator / PostgreSQL |");
        output.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var stored = r.Stored is { } count ? $"{r.Acknowledged} / {count}" : $"{r.Acknowledged} / (not stored)";
            output.WriteLine(
                $"| {r.Csms} | {r.Booted / r.StormTime.TotalSeconds:0} ({r.Booted} in {r.StormTime.TotalSeconds:0.0} s) | {r.CallsPerSecond:0} " +
                $"| {r.LatencyMs.P50:0.0} / {r.LatencyMs.P90:0.0} / {r.LatencyMs.P99:0.0} / {r.LatencyMs.Max:0} | {r.StormFailures + r.Failed} " +
                $"| {stored} | {r.ResidentBytes / 1048576.0:0} MiB | {r.BytesPerStation / 1024:0.0} KiB " +
                $"| {r.Cpu.CsmsUs:0} / {r.Cpu.GeneratorUs:0} / {(r.Cpu.PostgresUs is { } postgres ? $"{postgres:0}" : "-")} |");
        }
    }
}
