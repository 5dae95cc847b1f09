using DrivePower.Emulator.Configuration;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Output;

public static class EmulatorLoggingExtensions
{
    /// <summary>
    /// Console output: one line per entry with a timestamp. QUIET=true turns the frames and the
    /// per-step lines down to warnings; the summary line stays.
    /// </summary>
    public static IHostApplicationBuilder AddEmulatorLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (IsQuiet(builder.Configuration[EmulatorDefaults.Names.Quiet]))
        {
            builder.Logging.AddFilter(OcppRpcConnection.FrameLogCategory, LogLevel.Warning);
            builder.Logging.AddFilter("DrivePower.Ocpp", LogLevel.Warning);
            builder.Logging.AddFilter(StationLog.Category, LogLevel.Warning);
            builder.Logging.AddFilter("DrivePower.Emulator.Control", LogLevel.Warning); // its address is the setting's
            builder.Logging.AddFilter(SummaryLog.Category, LogLevel.Information);
        }

        return builder;
    }

    private static bool IsQuiet(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on";
}
