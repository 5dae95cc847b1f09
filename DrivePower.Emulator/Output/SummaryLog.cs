
namespace DrivePower.Emulator.Output;

/// <summary>The periodic one-line summary of QUIET mode, in a category of its own that QUIET leaves on.</summary>
internal static partial class SummaryLog
{
    public const string Category = "DrivePower.Emulator.Summary";

    [LoggerMessage(200, LogLevel.Information,
        "{Stations} stations: {Connected} connected, {Accepted} booted; transactions {Active} active, {Started} started, {Ended} ended; {Sent} messages sent, {Failed} failed; {Received} commands received",
        EventName = "Summary")]
    public static partial void Summary(ILogger logger, int stations, long connected, long accepted, long active, long started, long ended, long sent, long failed, long received);
}
