using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;

namespace DrivePower.Csms.Tariffs;

public static class TariffExtensions
{
    /// <summary>Registers the tariff block: its settings, the store the API uses and the periodic CostUpdated sender.</summary>
    public static IHostApplicationBuilder AddTariffs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<TariffOptions>(TariffOptions.SectionName);
        builder.Services.AddSingleton<TariffStore>();
        builder.Services.AddHostedService<CostUpdateSender>();
        return builder;
    }
}
