using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms;

/// <summary>Station events go to the log at Information; with that level off the logger does not even take them.</summary>
public sealed class StationEventLoggerTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string LoggerLevel = "Logging:LogLevel:DrivePower.Csms.Events.StationEventLogger";
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task With_Information_on_for_it_each_station_event_is_logged()
    {
        await using var csms = await StartAsync("Information");
        await Sql.EventuallyAsync(() => Task.FromResult(csms.Get<StationEventHub>().SubscriberCount == 1));
        await using var station = await csms.ConnectAsync("CP-LOUD-LOG");
        await station.BootAsync();

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);

        await Sql.EventuallyAsync(() => Task.FromResult(_logs.Entries.Any(entry =>
            entry.EventName == "StationEvent" && entry.Message.Contains("CP-LOUD-LOG", StringComparison.Ordinal) && entry.Message.Contains("Occupied", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task With_Information_off_for_it_the_logger_takes_no_events()
    {
        await using var csms = await StartAsync("Warning");
        await using var station = await csms.ConnectAsync("CP-QUIET-LOG");
        await station.BootAsync(); // an event published, and time for the logger to have started

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);

        Assert.Equal(0, csms.Get<StationEventHub>().SubscriberCount);
        Assert.DoesNotContain(_logs.Entries, entry => entry.EventName == "StationEvent");
    }

    private Task<CsmsTestHost> StartAsync(string level) => CsmsTestHost.StartAsync(database.ConnectionString,
        new Dictionary<string, string?> { [LoggerLevel] = level },
        services => services.AddLogging(logging => logging.AddProvider(_logs)));
}
