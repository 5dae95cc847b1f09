using System.Diagnostics;
using System.Net.WebSockets;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>One process, many stations.</summary>
public class ManyStationsTests
{
    [Fact]
    public async Task Two_hundred_stations_in_one_process_all_boot_and_report_under_numbered_ids()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "FLEET"), ("STATION_COUNT", "200"), ("CONNECT_RATE", "500"));

        var ids = Enumerable.Range(1, 200).Select(n => $"FLEET-{n:D4}").ToList();
        await TestCsms.WaitUntilAsync(() => ids.All(id => csms.Received<StatusNotificationRequest>(id).Count > 0), "every station reported", TimeSpan.FromSeconds(20));

        Assert.All(ids, id => Assert.Equal(1, csms.ConnectCount(id)));
        Assert.All(ids, id => Assert.Single(csms.Received<BootNotificationRequest>(id)));
    }

    [Fact]
    public async Task Stopping_the_emulator_closes_every_station_socket_with_NormalClosure_within_a_few_seconds()
    {
        await using var csms = await TestCsms.StartAsync();
        var emulator = await EmulatorHost.StartAsync(csms, ("STATION_ID", "STOP"), ("STATION_COUNT", "50"), ("SCENARIO", "charging"),
            ("SCENARIO_PAUSE_SECONDS", "0.1"), ("SCENARIO_CHARGE_SECONDS", "30"));
        var ids = Enumerable.Range(1, 50).Select(n => $"STOP-{n:D4}").ToList();
        await TestCsms.WaitUntilAsync(() => ids.All(id => csms.Received<StatusNotificationRequest>(id).Count > 0), "every station reported");

        var clock = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await TestCsms.WaitUntilAsync(() => ids.All(csms.CloseStatuses.ContainsKey), "the CSMS saw every connection end");
        Assert.All(ids, id => Assert.Equal(WebSocketCloseStatus.NormalClosure, csms.CloseStatuses[id]));
    }
}
