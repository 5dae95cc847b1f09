using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Csms.WebConsole.Components;

/// <summary>One colour per OCPP status, the same on every page: green is usable, blue in use, red broken, grey off.</summary>
public static class StatusColors
{
    public static BadgeColor For(string? status) => status switch
    {
        "Available" or "Accepted" or "Connected" or "Charging" or "Uploaded" or "Installed" => BadgeColor.Success,
        "Occupied" or "SuspendedEV" or "SuspendedEVSE" or "EVConnected" or "Downloading" or "Installing" or "Uploading" => BadgeColor.Brand,
        "Reserved" or "Active" or "Pending" or "Idle" => BadgeColor.Warning,
        "Faulted" or "Rejected" or "Blocked" or "Expired" or "Invalid" or "DownloadFailed" or "InstallationFailed" or "UploadFailure"
            or "InvalidSignature" or "InstallVerificationFailed" or "PermissionDenied" or "BadMessage" => BadgeColor.Danger,
        _ => BadgeColor.Subtle, // Unavailable, Offline, unknown
    };
}
