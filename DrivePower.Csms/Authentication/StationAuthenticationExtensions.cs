using DrivePower.Csms.Configuration;
using DrivePower.Csms.Ocpp;

namespace DrivePower.Csms.Authentication;

public static class StationAuthenticationExtensions
{
    /// <summary>Station logins (security profiles 1-3), the throttling of failed ones, and profile 3's client certificates.</summary>
    public static IHostApplicationBuilder AddStationAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<StationLoginOptions>(StationLoginOptions.SectionName);
        builder.Services.AddSingleton<StationLoginThrottle>();
        builder.Services.AddSingleton<StationAuthentication>();
        builder.Services.AddStationCertificateValidation();
        return builder;
    }
}
