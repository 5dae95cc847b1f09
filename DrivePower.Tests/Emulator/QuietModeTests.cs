using System.Collections.Concurrent;
using DrivePower.Emulator;
using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrivePower.Tests.Emulator;

/// <summary>What the emulator prints: every step normally; with QUIET only warnings and a periodic summary.</summary>
public class QuietModeTests
{
    private static async Task<RecordingLoggerProvider> RunAsync(TestCsms csms, string stationId, bool quiet)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = csms.OcppUrl.ToString(),
            ["CONTROL_PORT"] = "0", // tests run side by side
            ["STATION_ID"] = stationId,
            ["CONTROL_PORT"] = "0", // any free port: tests run side by side
            ["QUIET"] = quiet ? "true" : "false",
            ["SUMMARY_INTERVAL_SECONDS"] = "0.2",
        });
        var records = new RecordingLoggerProvider();
        builder.AddEmulatorLogging();
        builder.Logging.ClearProviders().AddProvider(records);
        builder.AddEmulator();
        using var host = builder.Build();
        await host.StartAsync();
        await csms.WaitForAsync<StatusNotificationRequest>(stationId);
        await Task.Delay(500);
        await host.StopAsync();
        return records;
    }

    [Fact]
    public async Task Normally_every_step_and_every_frame_is_logged_with_the_station_id()
    {
        await using var csms = await TestCsms.StartAsync();

        var records = await RunAsync(csms, "CP-LOUD", quiet: false);

        Assert.Contains(records.Entries, e => e.Category == StationLog.Category && e.Message.Contains("CP-LOUD: booted: Accepted, interval 60 s", StringComparison.Ordinal));
        Assert.Contains(records.Entries, e => e.Category == OcppRpcConnection.FrameLogCategory && e.Message.Contains("\"BootNotification\"", StringComparison.Ordinal));
        Assert.DoesNotContain(records.Entries, e => e.Category == SummaryLog.Category);
    }

    [Fact]
    public async Task Quiet_keeps_frames_and_steps_out_and_prints_a_summary_line()
    {
        await using var csms = await TestCsms.StartAsync();

        var records = await RunAsync(csms, "CP-QUIET", quiet: true);

        Assert.DoesNotContain(records.Entries, e => e.Level < LogLevel.Warning && e.Category != SummaryLog.Category);
        Assert.Contains(records.Entries, e => e.Category == SummaryLog.Category && e.Message.StartsWith("1 stations: 1 connected, 1 booted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_setting_stops_the_start_with_a_message_that_names_it()
    {
        using var host = EmulatorHost.Build(new Dictionary<string, string?> { ["CSMS_URL"] = "ws://h/ocpp", ["EVSE_COUNT"] = "x" });

        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["EVSE_COUNT must be an integer from 1 to 100, got 'x'"], invalid.Failures);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
