using System.Text.Json;
using Bunit;
using DrivePower.Csms.Data;
using DrivePower.Csms.WebConsole.Components.Blocks;
using DrivePower.Csms.WebConsole.Services;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Tests.Console.Components;

/// <summary>The station page's blocks tab: what each table makes of the stored rows.</summary>
public sealed class StationBlocksViewTests : IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly JsonElement Json = JsonDocument.Parse("""{"id":1}""").RootElement.Clone();
    private readonly BunitContext _context = new();

    public StationBlocksViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    private static StationBlocks Empty(StationTariff? tariff = null) =>
        new([], [], [], new LocalAuthListRecord(0, null, []), [], tariff, [], [], new StationMonitoring(null, null, []));

    [Fact]
    public void With_nothing_stored_each_block_says_what_would_fill_it_and_the_tariff_that_none_is_set()
    {
        var view = _context.Render<StationBlocksView>(parameters => parameters.Add(v => v.Blocks, Empty()));

        Assert.Contains("None stored", view.Find("[data-testid='charging-profiles']").TextContent, StringComparison.Ordinal);
        Assert.Contains("None stored", view.Find("[data-testid='reservations']").TextContent, StringComparison.Ordinal);
        Assert.Contains("None stored", view.Find("[data-testid='display-messages']").TextContent, StringComparison.Ordinal);
        Assert.Contains("No tariff set", view.Find("[data-testid='tariff']").TextContent, StringComparison.Ordinal);
        Assert.Contains("No log asked for", view.Find("[data-testid='logs']").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", view.Find("[data-testid='local-list-version']").TextContent);
        Assert.Empty(view.FindAll("[data-testid='charging-limits']"));
        Assert.Contains("None sent", view.Find("[data-testid='firmware-updates']").TextContent, StringComparison.Ordinal);
        Assert.Equal("not set", view.Find("[data-testid='monitoring-base']").TextContent);
    }

    [Fact]
    public void Rows_show_the_station_wide_EVSE_an_any_EVSE_reservation_the_default_tariff_in_its_currency_and_an_uploaded_logs_size()
    {
        var blocks = Empty(new StationTariff(new Tariff("EUR", 0.3m, 0.05m, 0.5m, At), IsOverride: false)) with
        {
            ChargingProfiles = [new ChargingProfileRecord(0, 5, 1, "ChargingStationMaxProfile", "Absolute", null, null, null, "CSO", "SetChargingProfile", At, Json)],
            ChargingLimits = [new ChargingLimitRecord(1, "EMS", true, null, At)],
            Reservations = [new ReservationRecord(9, null, "CARD-1", "ISO14443", null, null, At.AddHours(1), "Active", null, At, At)],
            LocalList = new LocalAuthListRecord(3, At, [new LocalAuthListEntry("CARD-2", "ISO14443", "Blocked", Json)]),
            DisplayMessages = [new DisplayMessageRecord(4, "AlwaysFront", null, null, null, null, "Welcome", "SetDisplayMessage", At, Json)],
            Logs = [new StationLogRecord(2, "DiagnosticsLog", "Accepted", "Uploaded", "station.log", 2048, At, At)],
            FirmwareUpdates = [new FirmwareUpdateRecord(3, 1, "http://csms/files/firmware/1/dp.bin", "2.0.0", true, "Accepted", "Installed", At, At,
                [new FirmwareStatusEntry("Downloading", At), new FirmwareStatusEntry("Installed", At)])],
            Monitoring = new StationMonitoring("All", 5,
                [new VariableMonitorRecord(7, "EVSE", null, 1, null, "Power", null, "UpperThreshold", 7000m, 3, false, "Set", null, At)]),
        };

        var view = _context.Render<StationBlocksView>(parameters => parameters.Add(v => v.Blocks, blocks));

        Assert.Equal("station", view.Find("[data-testid='charging-profiles'] td[data-label='EVSE']").TextContent);
        Assert.Equal("yes", view.Find("[data-testid='charging-limits'] td[data-label='Grid critical']").TextContent);
        Assert.Equal("any", view.Find("[data-testid='reservations'] td[data-label='EVSE']").TextContent);
        Assert.Equal("Active", view.Find("[data-testid='reservations'] [data-status]").GetAttribute("data-status"));
        Assert.Equal("3", view.Find("[data-testid='local-list-version']").TextContent);
        Assert.Contains("1 entry", view.Find("[data-testid='local-list']").TextContent, StringComparison.Ordinal);
        Assert.Equal("any", view.Find("[data-testid='display-messages'] td[data-label='State']").TextContent);
        Assert.Equal("the default", view.Find("[data-testid='tariff-scope']").TextContent);
        Assert.Contains("0.30 EUR", view.Find("[data-testid='tariff']").TextContent, StringComparison.Ordinal);
        Assert.Equal("station.log (2.0 KiB)", view.Find("[data-testid='logs'] td[data-label='File']").TextContent);
        Assert.Equal("Downloading → Installed", view.Find("[data-testid='firmware-updates'] td[data-label='History']").TextContent);
        Assert.Equal("EVSE · EVSE 1", view.Find("[data-testid='monitors'] td[data-label='Component']").TextContent);
        Assert.Equal(("All", "5", "7000"), (view.Find("[data-testid='monitoring-base']").TextContent, view.Find("[data-testid='monitoring-level']").TextContent,
            view.Find("[data-testid='monitors'] td[data-label='Value']").TextContent));
    }

    public void Dispose() => _context.Dispose();
}
