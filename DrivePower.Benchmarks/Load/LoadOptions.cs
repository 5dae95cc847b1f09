namespace DrivePower.Benchmarks.Load;

/// <summary>The <c>load</c> benchmark's arguments, each with its default.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        load [--db <connection string>] [--storm N] [--stations N] [--seconds N] [--warmup N] [--rate N] [--concurrency N] [--timeline MS] [--target both|persistent|baseline]
          --db           PostgreSQL for the persistent CSMS (the database must exist; the benchmark migrates it).
                         Default: ConnectionStrings__csmsdb from the environment. Needed unless --target baseline.
          --storm        stations in the boot storm (connect + BootNotification + StatusNotification), default 2000
          --stations     stations in the loop of StatusNotifications (the first of the storm), default 500
          --seconds      length of the loop's measured part, default 20
          --warmup       seconds of the same loop before it, timed apart and printed on a line of their own:
                         both processes compile their hot code and collect the storm's garbage then;
                         default 3, 0 to measure from the first call
          --rate         pace the loop at N calls/s in all (each station a call every stations/N s, timed from
                         its slot); default: no pace, each station's next call as soon as the last is answered
          --concurrency  connections opened at once during the storm, default 256
          --timeline     also print the loop's calls and p50 / p99 / max latency per slice of MS milliseconds
                         (by when each call ended), to see a warm-up or a stall; default: not printed
          --target       the CSMS that stores (persistent), the one that only answers (baseline), or both (default)
        """;

    public string? ConnectionString { get; init; }
    public int Storm { get; init; } = 2000;
    public int LoopStations { get; init; } = 500;
    public TimeSpan LoopDuration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public int Concurrency { get; init; } = 256;

    /// <summary>Calls per second the loop offers in all, or null for a closed loop without pauses.</summary>
    public int? Rate { get; init; }

    /// <summary>Width of the slices of the loop's timeline, or null to print none.</summary>
    public TimeSpan? TimelineSlice { get; init; }
    public bool RunPersistent { get; init; } = true;
    public bool RunBaseline { get; init; } = true;

    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadOptions { ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__csmsdb") };
        error = null;
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            error = Usage;
            return null;
        }

        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (value is null)
                return Fail($"{args[i]} needs a value", out error);
            options = args[i] switch
            {
                "--db" => options with { ConnectionString = value },
                "--storm" when int.TryParse(value, out var n) && n > 0 => options with { Storm = n },
                "--stations" when int.TryParse(value, out var n) && n > 0 => options with { LoopStations = n },
                "--seconds" when int.TryParse(value, out var n) && n > 0 => options with { LoopDuration = TimeSpan.FromSeconds(n) },
                "--warmup" when int.TryParse(value, out var n) && n >= 0 => options with { Warmup = TimeSpan.FromSeconds(n) },
                "--rate" when int.TryParse(value, out var n) && n > 0 => options with { Rate = n },
                "--concurrency" when int.TryParse(value, out var n) && n > 0 => options with { Concurrency = n },
                "--timeline" when int.TryParse(value, out var n) && n > 0 => options with { TimelineSlice = TimeSpan.FromMilliseconds(n) },
                "--target" when value is "both" or "persistent" or "baseline" =>
                    options with { RunPersistent = value != "baseline", RunBaseline = value != "persistent" },
                _ => null,
            };
            if (options is null)
                return Fail($"'{args[i]} {value}' is not understood", out error);
        }

        if (options.LoopStations > options.Storm)
            return Fail("--stations must not exceed --storm (the loop uses the storm's stations)", out error);
        if (options.RunPersistent && string.IsNullOrWhiteSpace(options.ConnectionString))
            return Fail("the persistent CSMS needs a database: --db or ConnectionStrings__csmsdb", out error);
        return options;
    }

    private static LoadOptions? Fail(string problem, out string error)
    {
        error = $"load: {problem}.{Environment.NewLine}{Usage}";
        return null;
    }
}
