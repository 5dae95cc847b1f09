using System.Text;

namespace DrivePower.Emulator.Firmware;

/// <summary>
/// What makes a file an emulator firmware image: a first line <c>DrivePower-Firmware &lt;version&gt;</c>, the
/// version at most 50 characters (BootNotification's firmwareVersion). Anything else fails install verification.
/// Compiled into the CSMS too, which shows the version of an uploaded image.
/// </summary>
internal static class FirmwareImage
{
    private const string Magic = "DrivePower-Firmware ";

    /// <summary>The version the image installs, or null when it is not a firmware image.</summary>
    public static string? Version(byte[] image)
    {
        var head = image.AsSpan(0, Math.Min(image.Length, 256));
        var end = head.IndexOfAny((byte)'\n', (byte)'\r');
        var line = Encoding.UTF8.GetString(end < 0 ? head : head[..end]);
        if (!line.StartsWith(Magic, StringComparison.Ordinal))
            return null;
        var version = line[Magic.Length..].Trim();
        return version.Length is > 0 and <= 50 ? version : null;
    }
}
