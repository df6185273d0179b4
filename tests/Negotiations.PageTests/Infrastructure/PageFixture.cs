using Microsoft.Playwright;
using Negotiations.Infrastructure;
using Negotiations.PageTests.Infrastructure;
using Negotiations.Security;
using Negotiations.Tests.Infrastructure;
using Xunit;

[assembly: AssemblyFixture(typeof(PageFixture))]

namespace Negotiations.PageTests.Infrastructure;

/// <summary>
/// The real service on a real Kestrel port (a child process from its build output: a browser needs a socket, which
/// Alba's in-memory server has not), with API keys configured so the pages ask for a sign-in, against a private
/// PostgreSQL (or NEGOTIATIONS_TEST_DATABASE), and one headless Debian chromium driven by Playwright.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string RecorderKey = "neg_page-recorder-key";
    public const string AuditorKey = "neg_page-auditor-key";
    public const string Recorder = "rita";
    public const string Auditor = "audrey";

    private LocalPostgres? _postgres;
    private ServiceProcess? _service;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress => _service!.BaseAddress;

    /// <summary>An HTTP client for the API with the recorder's key (to set the stage, and to win races).</summary>
    public HttpClient Api { get; private set; } = default!;

    /// <summary>Where screenshots go: TestResults/screenshots under the test project's output (git-ignored).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("NEGOTIATIONS_TEST_DATABASE");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _postgres = await LocalPostgres.StartAsync(TempFolder.Create("negotiations-pages"), durable: false);
            connectionString = _postgres.ConnectionString;
        }

        _service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Negotiations"] = connectionString,
            ["Auth__Keys__0__Name"] = Recorder,
            ["Auth__Keys__0__Role"] = Roles.Recorder,
            ["Auth__Keys__0__Sha256"] = ApiKeyHash.Of(RecorderKey),
            ["Auth__Keys__1__Name"] = Auditor,
            ["Auth__Keys__1__Role"] = Roles.Auditor,
            ["Auth__Keys__1__Sha256"] = ApiKeyHash.Of(AuditorKey),
            ["RateLimiting__WritesPerMinute"] = "0",
        });
        await _service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, RecorderKey);

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The page tests drive Debian's chromium at {Chromium}: install it (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies), signed in with the key when one is given.</summary>
    public async Task<IPage> NewPageAsync(string? key = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: the machine the tests share may be loaded by other runs; a wait that expires is a failure, not a measure.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        if (key is not null)
        {
            await page.GotoAsync("/sign-in");
            await page.FillAsync("#key", key);
            await page.ClickAsync("form[data-testid=sign-in-form] button[type=submit]");
            await page.WaitForURLAsync("**/deals");
        }

        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.StopAsync();
            TempFolder.Delete(_postgres.RootDirectory);
        }
    }
}
