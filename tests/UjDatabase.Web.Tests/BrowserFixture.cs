using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>A browser test: runs when Debian's Chromium is installed, and is skipped with the reason otherwise.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium; .ci/run does this).";
        }
    }
}

/// <summary>The app on a real Kestrel port with fresh data, and a headless Chromium to drive it.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory directory = new();
    private KestrelAppFactory? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where screenshots are written: TestResults/screenshots beside the test project's output.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return;
        }

        factory = new KestrelAppFactory(directory.File("data"));
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            // Chromium's own network calls are refused on these machines; these flags keep it quiet and fast.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        directory.Dispose();
    }

    public void Dispose()
    {
        factory?.Dispose();
        directory.Dispose();
    }

    /// <summary>A new page of the given size at a path of the app.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Generous: CI runs the test projects side by side on two cores.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    /// <summary>Fails with every serious or critical axe-core finding on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    /// <summary>Adds an account to the running app, as <c>ujdb user add</c> would.</summary>
    public async Task AddAccountAsync(string name, UjDatabase.Core.Accounts.AccountRole role, string password)
    {
        var administration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UjDatabase.Core.Accounts.AccountAdministration>(factory!.Services);
        Assert.True((await administration.AddAsync(name, role, password)).Done);
    }

    private sealed class KestrelAppFactory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("UJDB_DATA_DIR", dataDirectory);
            builder.UseSetting("UJDB_SEED_DIR", TestFiles.SeedDirectory);
            TestLimits.Lift(builder);
        }
    }
}
