using System.Net;
using DrivePower.Tests.Csms;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DrivePower.Tests.Console.Browser;

/// <summary>The console is protected like the operator API: open on loopback, an operator key and then a cookie when a key is demanded.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleSignInTests(ConsoleBrowserFixture console)
{
    private const string Key = "console-test-key-0123456789";

    private static readonly Dictionary<string, string?> KeyDemanded = new()
    {
        ["Csms:OperatorApi:RequireKey"] = "true",
        ["Csms:OperatorApi:Keys:0"] = Key,
    };

    [Fact]
    public async Task On_loopback_the_console_and_its_circuit_are_open_without_a_key()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.Csms.BaseAddress };

        using var home = await http.GetAsync("/");
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("blazor.web", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task When_a_key_is_demanded_every_page_and_the_circuit_send_a_visitor_without_the_cookie_to_the_sign_in()
    {
        await using var csms = await CsmsTestHost.StartAsync(console.ConnectionString, KeyDemanded);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = csms.BaseAddress };

        foreach (var path in new[] { "/", "/stations/CP-1", "/transactions", "/id-tokens", "/journal" })
        {
            using var page = await http.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)page.StatusCode}");
            Assert.StartsWith("/sign-in?ReturnUrl=", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        using var signIn = await http.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Operator key", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message_and_the_right_key_opens_the_page_asked_for()
    {
        await using var csms = await CsmsTestHost.StartAsync(console.ConnectionString, KeyDemanded);
        await using var context = await console.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = csms.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/transactions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.Locator("#operator-key").FillAsync("not-the-key-at-all-000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not one of the configured operator keys");
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name == "DrivePower.Console");

        await page.Locator("#operator-key").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transactions" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/transactions$"));
        await ConsoleBrowserFixture.ScreenshotAsync(page, "signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
