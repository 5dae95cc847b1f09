using System.Text;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Diagnostics;

/// <summary>
/// The text of a log a GetLog asks for: DiagnosticsLog is every recent frame in the period, SecurityLog
/// the frames of the security-relevant actions (boot and its verdict, security events). One line a frame.
/// </summary>
internal static class LogFile
{
    private static readonly HashSet<string> SecurityActions = new(StringComparer.Ordinal) { "BootNotification", "SecurityEventNotification" };

    public static string FileName(string stationId, LogType type, int requestId) => $"{stationId}-{type}-{requestId}.log";

    public static byte[] Build(string stationId, LogType type, IEnumerable<RecordedFrame> frames, DateTimeOffset at)
    {
        var text = new StringBuilder()
            .Append("# ").Append(type).Append(" of station ").Append(stationId).Append(", written ").AppendLine(at.ToString("O"));
        foreach (var frame in frames.Where(frame => type == LogType.DiagnosticsLog || (frame.Action is { } action && SecurityActions.Contains(action))))
            text.Append(frame.At.ToString("O")).Append(' ').Append(frame.Direction == Ocpp.Rpc.OcppFrameDirection.Sent ? "sent " : "received ")
                .Append(frame.Action ?? "?").Append(' ').AppendLine(frame.Text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
