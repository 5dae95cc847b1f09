using System.Text;

namespace DrivePower.Csms.StationFiles;

/// <summary>What the CSMS reads of an uploaded image: the version its first line names (<c>DrivePower-Firmware &lt;version&gt;</c>).</summary>
internal static class FirmwareImage
{
    private const string Magic = "DrivePower-Firmware ";

    /// <summary>The version (at most 50 characters, as BootNotification's firmwareVersion), or null when the file is no DrivePower image.</summary>
    public static string? Version(byte[] content)
    {
        var firstLine = content.AsSpan(0, Math.Min(content.Length, 256));
        var end = firstLine.IndexOfAny((byte)'\n', (byte)'\r');
        var line = Encoding.UTF8.GetString(end < 0 ? firstLine : firstLine[..end]);
        if (!line.StartsWith(Magic, StringComparison.Ordinal))
            return null;
        var version = line[Magic.Length..].Trim();
        return version.Length is > 0 and <= 50 ? version : null;
    }
}
