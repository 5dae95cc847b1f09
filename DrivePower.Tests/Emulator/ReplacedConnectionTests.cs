using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>A station whose connection the CSMS keeps replacing (another one uses its id) backs off instead of fighting.</summary>
public class ReplacedConnectionTests
{
    [Fact]
    public async Task A_station_replaced_again_and_again_says_so_at_Warning_and_waits_longer_each_time()
    {
        const string id = "CP-TWIN";
        const int replacements = 4;
        await using var csms = await TestCsms.StartAsync();
        var logs = new RecordedLogs();
        await using var emulator = await EmulatorHost.StartAsync(csms, logs,
            ("STATION_ID", id), ("RECONNECT_MIN_SECONDS", "0.1"), ("RECONNECT_MAX_SECONDS", "5"));

        for (var replaced = 0; replaced < replacements; replaced++)
        {
            await csms.WaitForAsync<StatusNotificationRequest>(id, skip: replaced);
            await csms.ReplaceAsync(id);
        }

        await TestCsms.WaitUntilAsync(() => logs.Named("ReplacedByAnotherConnection").Count() >= replacements, "every replacement is logged");
        var warnings = logs.Named("ReplacedByAnotherConnection").Take(replacements).ToList();
        Assert.All(warnings, warning =>
        {
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Equal(id, warning.Text("StationId"));
            Assert.Contains("another connection with this station id exists", warning.Message, StringComparison.Ordinal);
        });

        // Doubling from 0.1 s with jitter of 0.5-1x: 0.05-0.1, 0.1-0.2, 0.2-0.4, 0.4-0.8 s.
        var delays = warnings.Select(warning => double.Parse(warning.Text("Seconds"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 1; i < delays.Count; i++)
            Assert.True(delays[i] >= delays[i - 1], $"delays grow: {string.Join(", ", delays)}");
        Assert.True(delays[^1] >= 3 * delays[0], $"delays grow: {string.Join(", ", delays)}");
    }
}
