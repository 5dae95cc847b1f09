using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.StationFiles;

/// <summary>Settings of the log uploads stations make (<c>Csms:Logs</c>).</summary>
public sealed class LogUploadOptions
{
    public const string SectionName = "Csms:Logs";

    /// <summary>The largest log file a station may upload; a bigger one is refused with 413.</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 32;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
