using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Configuration;

/// <summary>How every settings section of the CSMS is registered: bound, and its rules checked when the CSMS starts.</summary>
internal static class CheckedSettings
{
    public static OptionsBuilder<T> AddCheckedSettings<T>(this IServiceCollection services, string sectionName) where T : class =>
        services.AddOptions<T>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
