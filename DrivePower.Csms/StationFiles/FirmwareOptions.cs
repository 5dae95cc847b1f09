using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.StationFiles;

/// <summary>Settings of the firmware files operators upload (<c>Csms:Firmware</c>).</summary>
public sealed class FirmwareOptions
{
    public const string SectionName = "Csms:Firmware";

    /// <summary>The largest firmware file an operator may upload; a bigger one is refused with 413.</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 64;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
