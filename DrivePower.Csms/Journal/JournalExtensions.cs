using DrivePower.Csms.Configuration;

namespace DrivePower.Csms.Journal;

public static class JournalExtensions
{
    /// <summary>Registers the message journal: its settings, the capture, the batch writer, the purge and the queries.</summary>
    public static IHostApplicationBuilder AddMessageJournal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<JournalOptions>(JournalOptions.SectionName);
        builder.Services.AddSingleton(services => new JournalTelemetry(services.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<MessageJournal>();
        builder.Services.AddHostedService<JournalWriter>();
        builder.Services.AddHostedService<JournalPurge>();
        builder.Services.AddSingleton<JournalQueries>();
        return builder;
    }
}
