using System.Net.Http.Json;
using DrivePower.Tests.Csms.Operator;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DrivePower.Tests.Console.Browser;

/// <summary>The station page in a real browser: live connector status, commands from schema forms with the station's answer, the session chart.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class StationPageTests(ConsoleBrowserFixture console, ITestOutputHelper output)
{
    [Fact]
    public async Task ChangeAvailability_Inoperative_sent_from_its_form_is_Accepted_and_the_EVSE_turns_Unavailable_live()
    {
        await using var station = await console.StartStationsAsync("UI-AVAIL", ("EVSE_COUNT", "2"));
        var page = await console.OpenAsync("/stations/UI-AVAIL");
        var evse2 = page.Locator("[data-evse='2']");
        await Expect(evse2.Locator("[data-status='Available']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='ChangeAvailability']").ClickAsync();
        await page.Locator("[data-path='$.operationalStatus'] select").SelectOptionAsync("Inoperative");
        await page.Locator("[data-path='$.evse'] input[type=checkbox]").First.CheckAsync();
        var evseId = page.Locator("[data-path='$.evse.id'] input");
        await evseId.FillAsync("2");
        await evseId.PressAsync("Tab");
        await Expect(page.GetByTestId("payload-json")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"id\": 2"));
        await page.GetByTestId("send-command").ClickAsync();

        var answer = page.Locator("[data-outcome='Answered'][data-action='ChangeAvailability']");
        await Expect(answer).ToContainTextAsync("\"status\": \"Accepted\"");
        await Expect(answer.GetByTestId("round-trip")).ToContainTextAsync("ms");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "station-command")}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "EVSEs" }).ClickAsync();
        await Expect(evse2.Locator("[data-status='Unavailable']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-evse='1'] [data-status='Available']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reset_pressed_on_the_station_page_shows_the_stations_answer_with_its_round_trip()
    {
        await using var station = await console.StartStationsAsync("UI-RESET");
        var page = await console.OpenAsync("/stations/UI-RESET");
        await Expect(page.GetByTestId("station-connection")).ToContainTextAsync("ocpp2.0.1");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='Reset']").ClickAsync();
        await page.Locator("[data-path='$.type'] select").SelectOptionAsync("OnIdle");
        await page.GetByTestId("send-command").ClickAsync();

        var answer = page.Locator("[data-outcome='Answered'][data-action='Reset']");
        await Expect(answer).ToContainTextAsync("\"status\": \"Accepted\"");
        await Expect(answer.GetByTestId("round-trip")).ToContainTextAsync("ms");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_payload_that_breaks_the_schema_is_not_sent_and_its_violation_shows_at_the_field()
    {
        await using var station = await console.StartStationsAsync("UI-BAD");
        var page = await console.OpenAsync("/stations/UI-BAD");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='RequestStartTransaction']").ClickAsync();
        var remoteStartId = page.Locator("[data-path='$.remoteStartId'] input");
        await remoteStartId.FillAsync("soon");
        await remoteStartId.PressAsync("Tab");
        await page.GetByTestId("send-command").ClickAsync();

        await Expect(page.Locator("[data-outcome='InvalidRequest']")).ToContainTextAsync("nothing was sent");
        await Expect(page.Locator("[data-path='$.remoteStartId'] [data-violation]")).ToContainTextAsync("TypeConstraintViolation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RequestStartTransaction_from_the_console_starts_a_session_whose_chart_grows_while_it_charges()
    {
        await using var station = await console.StartStationsAsync("UI-CHARGE", ("CHARGING_POWER_W", "22000"));
        var page = await console.OpenAsync("/stations/UI-CHARGE");
        await Expect(page.Locator("[data-evse='1'] [data-status='Available']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='RequestStartTransaction']").ClickAsync();
        await page.GetByTestId("send-command").ClickAsync();
        await Expect(page.Locator("[data-outcome='Answered'][data-action='RequestStartTransaction']")).ToContainTextAsync("\"status\": \"Accepted\"");

        await page.GetByRole(AriaRole.Tab, new() { Name = "EVSEs" }).ClickAsync();
        var chart = page.Locator("[data-evse='1'] [data-testid='meter-chart']");
        await Expect(chart).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9]"));
        var before = int.Parse((await chart.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(chart).Not.ToHaveAttributeAsync("data-points", before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var after = int.Parse((await chart.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > before, $"the chart went from {before} to {after} points");
        await Expect(page.Locator("[data-evse='1'] [data-status='Occupied']")).ToBeVisibleAsync();
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "station")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GetBaseReport_from_the_console_fills_the_device_model_table_live_and_its_filter_narrows_it()
    {
        await using var station = await console.StartStationsAsync("UI-REPORT");
        var page = await console.OpenAsync("/stations/UI-REPORT");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Device model (0)" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        await page.Locator("[data-command='GetBaseReport']").ClickAsync();
        await page.Locator("[data-path='$.reportBase'] select").SelectOptionAsync("FullInventory");
        await page.GetByTestId("send-command").ClickAsync();
        await Expect(page.Locator("[data-outcome='Answered'][data-action='GetBaseReport']")).ToContainTextAsync("\"status\": \"Accepted\"");

        var tab = page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Device model \([1-9]") });
        await tab.ClickAsync();
        var rows = page.Locator("[data-testid='device-model'] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();
        await page.GetByTestId("device-model-filter").FillAsync("HeartbeatInterval");
        await Expect(rows).Not.ToHaveCountAsync(all);
        await Expect(rows.First).ToContainTextAsync("HeartbeatInterval");
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "device-model")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_blocks_tab_shows_the_stations_own_tariff_and_a_reservation_for_any_EVSE_live_once_the_station_accepts_it()
    {
        await using var station = await console.StartStationsAsync("UI-BLOCKS", ("EVSE_COUNT", "2"));
        var page = await console.OpenAsync("/stations/UI-BLOCKS");
        await Expect(page.GetByTestId("station-connection")).ToContainTextAsync("ocpp2.0.1");
        (await console.Csms.Http.PutAsJsonAsync("/api/stations/UI-BLOCKS/tariff",
            new { currency = "EUR", pricePerKwh = 0.42m, pricePerMinute = 0m, pricePerSession = 1m })).EnsureSuccessStatusCode();

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Profiles, reservations") }).ClickAsync();
        await Expect(page.GetByTestId("tariff-scope")).ToHaveTextAsync("this station's own");
        await Expect(page.GetByTestId("tariff")).ToContainTextAsync("0.42 EUR");
        await Expect(page.GetByTestId("reservations")).ToContainTextAsync("None stored");
        await Expect(page.GetByTestId("local-list-version")).ToHaveTextAsync("0");

        using var reserved = await console.Csms.Http.PostRawAsync("/api/stations/UI-BLOCKS/reservations",
            """{"id":31,"expiryDateTime":"2030-01-01T00:00:00Z","idToken":{"idToken":"CARD-UI","type":"ISO14443"}}""");
        Assert.True(reserved.IsSuccessStatusCode, await reserved.Content.ReadAsStringAsync());

        var row = page.Locator("[data-testid='reservations'] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("CARD-UI");
        await Expect(row.Locator("td[data-label='EVSE']")).ToHaveTextAsync("any");
        await Expect(row.Locator("[data-status='Active']")).ToBeVisibleAsync();
        output.WriteLine($"screenshot: {await ConsoleBrowserFixture.ScreenshotAsync(page, "station-blocks")}");
        await page.Context.CloseAsync();
    }
}
