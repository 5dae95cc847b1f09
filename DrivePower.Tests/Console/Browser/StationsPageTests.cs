using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DrivePower.Tests.Console.Browser;

/// <summary>The station list in a real browser: live, filtered, and usable in a narrow window.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class StationsPageTests(ConsoleBrowserFixture console, ITestOutputHelper output)
{
    [Fact]
    public async Task A_station_that_connects_while_the_list_is_open_appears_connected_without_a_reload()
    {
        var page = await console.OpenAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stations" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("station-summary")).ToContainTextAsync("connected now");

        await using var station = await console.StartStationsAsync("UI-LIVE", ("EVSE_COUNT", "2"));

        var row = page.Locator("tr[data-station='UI-LIVE']");
        await Expect(row).ToContainTextAsync("connected · ocpp2.0.1");
        await Expect(row.Locator("[data-status='Accepted']")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-status='Available']")).ToHaveCountAsync(2);
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "stations")}");
        await page.Context.CloseAsync();
    }
}
