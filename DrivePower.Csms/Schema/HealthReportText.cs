using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DrivePower.Csms.Schema;

/// <summary>
/// <c>/health</c>'s body: the overall status on the first line (as before), then one line per check
/// that is not healthy, with its description, so an operator reads why (e.g. the missing migration).
/// </summary>
internal static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy))
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(": ").Append(entry.Description ?? entry.Exception?.Message ?? "(no description)");

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
