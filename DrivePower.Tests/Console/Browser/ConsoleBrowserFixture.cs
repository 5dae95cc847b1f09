using DrivePower.Tests.Csms;
using DrivePower.Tests.Emulator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace DrivePower.Tests.Console.Browser;

/// <summary>
/// One real CSMS (its own Program on Kestrel, loopback, Development) on a migrated PostgreSQL database, and one headless
/// Chromium, shared by every browser test of the collection; each test opens its own page and starts its own emulated
/// stations (ids of its own). Chromium is the machine's (<c>DRIVEPOWER_CHROMIUM</c>, default <c>/usr/bin/chromium</c>):
/// Playwright's own browser download is not used.
/// </summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    /// <summary>How long an expectation waits: generous, for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ScratchDatabase? _database;
    private CsmsTestHost? _csms;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CsmsTestHost Csms => _csms ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Where the screenshots go: TestResults/console-screenshots under the test output.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "console-screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("DRIVEPOWER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install it (apt-get install chromium) or set DRIVEPOWER_CHROMIUM.");
        _database = await ScratchDatabase.CreateAsync("console_browser", migrated: true);
        _csms = await CsmsTestHost.StartAsync(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Csms:HeartbeatIntervalSeconds"] = "5",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh page on the console, <paramref name="width"/> pixels wide.</summary>
    public async Task<IPage> OpenAsync(string path = "/", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Csms.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Emulated stations against this CSMS (fast meter values); the caller stops them with <c>await using</c>.</summary>
    public async Task<RunningEmulator> StartStationsAsync(string stationId, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{Csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = stationId,
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.5",
            ["METER_INTERVAL_SECONDS"] = "0.5",
            ["CALL_TIMEOUT_SECONDS"] = "10",
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var host = EmulatorHost.Build(values);
        await host.StartAsync();
        return new RunningEmulator(host);
    }

    /// <summary>Saves a full-page screenshot under <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, $"console-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        // DRIVEPOWER_SCREENSHOTS_TO: a folder the README's pictures are copied to (docs/images), when refreshing them.
        if (Environment.GetEnvironmentVariable("DRIVEPOWER_SCREENSHOTS_TO") is { Length: > 0 } copyTo)
            File.Copy(path, Path.Combine(copyTo, Path.GetFileName(path)), overwrite: true);
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_csms is not null)
            await _csms.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    public sealed class RunningEmulator(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleBrowserCollection : ICollectionFixture<ConsoleBrowserFixture>
{
    public const string Name = "Console in a browser";
}
