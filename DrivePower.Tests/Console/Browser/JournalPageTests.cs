using System.Text.Json;
using DrivePower.Csms.Commands;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DrivePower.Tests.Console.Browser;

/// <summary>The message journal page in a real browser: live tail, a CALL linked to its answer, filters.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class JournalPageTests(ConsoleBrowserFixture console, ITestOutputHelper output)
{
    [Fact]
    public async Task An_operator_Reset_shows_live_as_a_CALL_linked_to_the_stations_CALLRESULT_with_its_round_trip()
    {
        await using var station = await console.StartStationsAsync("UI-JOURNAL");
        var page = await console.OpenAsync("/journal?stationId=UI-JOURNAL");
        var boot = page.Locator("tr[data-action='BootNotification'][data-frame='CALL'][data-direction='StationToCsms']");
        await Expect(boot).ToBeVisibleAsync();

        using var reset = JsonDocument.Parse("""{"type":"OnIdle"}""");
        var outcome = await console.Csms.Services.GetRequiredService<OperatorCommands>()
            .SendAsync("UI-JOURNAL", "Reset", reset.RootElement, CancellationToken.None);
        Assert.Equal(CommandStatus.Answered, outcome.Status);

        var call = page.Locator("tr[data-action='Reset'][data-frame='CALL'][data-direction='CsmsToStation']");
        await Expect(call).ToContainTextAsync("answer ·");
        await Expect(page.Locator("tr[data-frame='CALLRESULT'][data-direction='StationToCsms'][data-action='Reset']")).ToBeVisibleAsync();
        await call.Locator("[data-open]").ClickAsync();

        var pair = page.GetByTestId("journal-pair");
        await Expect(pair.Locator("[data-frame='CALL']")).ToContainTextAsync("\"type\": \"OnIdle\"");
        await Expect(pair.Locator("[data-frame='CALLRESULT']")).ToContainTextAsync("\"status\": \"Accepted\"");
        await Expect(pair.GetByTestId("pair-round-trip")).ToContainTextAsync("ms");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "journal")}");

        await page.GetByTestId("journal-action").SelectOptionAsync("Heartbeat");
        await Expect(page.Locator("tr[data-action='Reset']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
