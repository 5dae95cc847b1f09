using DrivePower.Csms.Configuration;
using DrivePower.Csms.Ocpp;

namespace DrivePower.Csms.Authentication;

public static class StationAuthenticationExtensions
{
    /// <summary>Station logins (security profile 1) and the throttling of failed ones.</summary>
    public static IHostApplicationBuilder AddStationAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StationLoginOptions>()
            .BindConfiguration(StationLoginOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<StationLoginThrottle>();
        builder.Services.AddSingleton<StationAuthentication>();
        return builder;
    }
}
