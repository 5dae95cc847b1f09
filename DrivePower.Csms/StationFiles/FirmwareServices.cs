using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;

namespace DrivePower.Csms.StationFiles;

/// <summary>Firmware management's registration: its settings, the files and the signing key.</summary>
public static class FirmwareServices
{
    public static IHostApplicationBuilder AddFirmware(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<FirmwareOptions>(FirmwareOptions.SectionName);
        builder.Services.AddSingleton<FirmwareFileStore>();
        builder.Services.AddSingleton<FirmwareSigningKeyStore>();
        builder.Services.AddSingleton<FirmwareSigning>();
        return builder;
    }
}
