using Bunit;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.WebConsole.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Tests.Console.Components;

/// <summary>Status colours and the meter chart.</summary>
public sealed class StatusAndChartTests : IDisposable
{
    private readonly BunitContext _context = new();

    public StatusAndChartTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    [Theory]
    [InlineData("Available", BadgeColor.Success)]
    [InlineData("Occupied", BadgeColor.Brand)]
    [InlineData("Reserved", BadgeColor.Warning)]
    [InlineData("Faulted", BadgeColor.Danger)]
    [InlineData("Unavailable", BadgeColor.Subtle)]
    public void Each_connector_status_has_its_colour(string status, BadgeColor colour) => Assert.Equal(colour, StatusColors.For(status));

    [Fact]
    public void A_status_badge_shows_its_text_and_carries_its_status_and_colour()
    {
        var available = _context.Render<StatusBadge>(parameters => parameters.Add(badge => badge.Status, "Available"));
        var faulted = _context.Render<StatusBadge>(parameters => parameters.Add(badge => badge.Status, "Faulted").Add(badge => badge.Label, "1/1 Faulted"));

        Assert.Equal("Available", available.Find("[data-status]").TextContent.Trim());
        Assert.Equal("Faulted", faulted.Find("[data-status]").GetAttribute("data-status"));
        Assert.Equal("1/1 Faulted", faulted.Find("[data-status]").TextContent.Trim());
        Assert.NotEqual(Colour(available.Markup), Colour(faulted.Markup));
    }

    [Fact]
    public void The_chart_draws_one_point_per_sample_for_energy_and_power_and_says_so_when_there_is_none()
    {
        var start = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        MeterValueInfo Value(int seconds, string measurand, decimal value, string unit) =>
            new(seconds, 1, start.AddSeconds(seconds), measurand, null, null, "Sample.Periodic", unit, value, null);
        var values = new[]
        {
            Value(0, MeterSeries.Energy, 1000, "Wh"), Value(0, MeterSeries.Power, 7000, "W"),
            Value(10, MeterSeries.Energy, 1020, "Wh"), Value(10, MeterSeries.Power, 7200, "W"),
            Value(20, MeterSeries.Energy, 1.05m, "kWh"), Value(20, MeterSeries.Power, 7.1m, "kW"),
            Value(20, "Voltage", 230, "V"),
        };

        var chart = _context.Render<MeterChart>(parameters => parameters.Add(c => c.Points, MeterSeries.From(values)));
        var empty = _context.Render<MeterChart>(parameters => parameters.Add(c => c.Points, []));

        Assert.Equal("3", chart.Find("[data-testid='meter-chart']").GetAttribute("data-points"));
        Assert.Equal(3, chart.Find("polyline[data-series='energy']").GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, chart.Find("polyline[data-series='power']").GetAttribute("points")!.Split(' ').Length);
        Assert.Contains("50 Wh so far", chart.Markup, StringComparison.Ordinal); // 1.05 kWh read as 1050 Wh
        Assert.Equal("50 Wh", chart.Find("[data-testid='energy-scale']").TextContent); // the scale's top, not the register
        Assert.Contains("7.1 kW", chart.Markup, StringComparison.Ordinal);
        Assert.Contains("No meter values yet", empty.Markup, StringComparison.Ordinal);
    }

    private static string Colour(string markup)
    {
        var at = markup.IndexOf("color=\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no color attribute in {markup}");
        return markup[(at + 7)..markup.IndexOf('"', at + 7)];
    }

    public void Dispose() => _context.Dispose();
}
