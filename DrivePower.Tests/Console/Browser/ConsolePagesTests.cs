using System.Text.RegularExpressions;
using DrivePower.Csms.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DrivePower.Tests.Console.Browser;

/// <summary>Transactions, id tokens and the narrow window, in a real browser against the real CSMS.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsolePagesTests(ConsoleBrowserFixture console, ITestOutputHelper output)
{
    [Fact]
    public async Task A_charging_session_is_listed_as_active_and_its_page_shows_the_event_sequence_and_a_growing_chart()
    {
        // One station: its first session starts at once, whatever the pause (ChargingScenarioTests).
        await using var station = await console.StartStationsAsync("UI-TX", ("SCENARIO", "charging"), ("SCENARIO_CHARGE_SECONDS", "60"),
            ("CHARGING_POWER_W", "11000"));
        var page = await console.OpenAsync("/transactions");
        await page.GetByTestId("transaction-station").FillAsync("UI-TX");
        await page.GetByTestId("transaction-state").SelectOptionAsync("active");

        var row = page.Locator("[data-testid='transaction-table'] tbody tr").First;
        await Expect(row).ToContainTextAsync("UI-TX");
        await Expect(row).ToContainTextAsync("active");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "transactions")}");
        await row.Locator("a").First.ClickAsync();

        await Expect(page.Locator("[data-testid='transaction-events'] tr[data-seq-no='0']")).ToContainTextAsync("Started");
        await Expect(page.Locator("[data-testid='transaction-events'] tr[data-seq-no='2']")).ToContainTextAsync("Updated");
        var chart = page.GetByTestId("meter-chart");
        await Expect(chart).ToHaveAttributeAsync("data-points", new Regex("^([3-9]|[1-9][0-9]+)$"));
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "transaction")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_token_added_in_the_console_can_be_blocked_and_expired_and_the_store_says_so()
    {
        var page = await console.OpenAsync("/id-tokens");
        await page.GetByTestId("new-token").FillAsync("UI-TOKEN-1");
        await page.GetByTestId("add-token-button").ClickAsync();
        await Expect(page.GetByTestId("token-message")).ToContainTextAsync("Added ISO14443 token UI-TOKEN-1");
        var row = page.Locator("tr[data-token='UI-TOKEN-1']");
        await Expect(row.Locator("[data-status='Accepted']")).ToBeVisibleAsync();

        await row.Locator("[data-action='block']").ClickAsync();
        await Expect(row.Locator("[data-status='Blocked']")).ToBeVisibleAsync();
        await row.Locator("[data-action='expire']").ClickAsync();
        await Expect(row.Locator("[data-status='Expired']")).ToBeVisibleAsync();

        var stored = await console.Csms.Services.GetRequiredService<IdTokenStore>().FindAsync("UI-TOKEN-1", "ISO14443", CancellationToken.None);
        Assert.Equal("Blocked", stored!.Status);
        Assert.True(stored.ExpiresAt <= DateTimeOffset.UtcNow);

        await page.GetByTestId("new-token").FillAsync("UI-TOKEN-1");
        await page.GetByTestId("add-token-button").ClickAsync();
        await Expect(page.GetByTestId("token-message")).ToContainTextAsync("already listed");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "id-tokens")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_a_400_pixel_window_every_page_fits_without_sideways_scrolling()
    {
        await using var station = await console.StartStationsAsync("UI-NARROW", ("EVSE_COUNT", "2"));
        var page = await console.OpenAsync("/", width: 400, height: 800);
        await Expect(page.Locator("tr[data-station='UI-NARROW']")).ToContainTextAsync("connected");
        await AssertFitsAsync(page, "stations");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "stations-narrow")}");

        foreach (var path in new[] { "/stations/UI-NARROW", "/transactions", "/id-tokens", "/journal" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await AssertFitsAsync(page, path);
        }

        await page.GotoAsync("/stations/UI-NARROW");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='GetVariables']").ClickAsync();
        await Expect(page.GetByTestId("schema-form")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the GetVariables form");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "station-narrow")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_link_of_the_header_leads_to_a_page_that_answers()
    {
        var page = await console.OpenAsync("/");
        var links = page.Locator("header.console-header a[href]");
        await Expect(links.First).ToBeVisibleAsync();

        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.Contains("/scalar", hrefs);
        Assert.Contains("/openapi/v1.json", hrefs);
        foreach (var href in hrefs)
        {
            var response = await page.APIRequest.GetAsync(href);
            Assert.True(response.Ok, $"{href}: {response.Status}");
        }

        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= clientWidth + 1, $"{what}: the page is {scrollWidth} px wide in a {clientWidth} px window");
    }
}
