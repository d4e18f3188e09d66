using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit;

namespace CarteBlanche.BrowserTests;

/// <summary>The real app on Kestrel (a free port on 127.0.0.1, Development, a temporary SQLite database) and one headless Chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "Demo-CarteBlanche-2026!";
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cb-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public string MailDirectory => Path.Combine(_dataDirectory, "mail");
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _app = new KestrelApp(_dataDirectory);
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: the browser tests use Debian's Chromium (apt-get install chromium; ./test.sh does it when run as root). Playwright never downloads a browser here.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) whose console and page errors are recorded.</summary>
    public async Task<BrowserSession> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app != null)
        {
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class KestrelApp(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Notifications:SenderEnabled", "false");
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Bus:PlannerSeconds", "1");
            builder.UseSetting("Map:TileUrl", "http://127.0.0.1:9/{z}/{x}/{y}.png"); // no tile server: the map must still show its markers
            // The walks sign in far more than 10 times a minute from one address; the limit itself is tested in the integration tests.
            builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}

/// <summary>One browser tab in its own context; remembers what the console said.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _console = [];
    private readonly List<string> _pageErrors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            lock (_console)
            {
                _console.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Content Security Policy violations reported on the console.</summary>
    public IReadOnlyList<string> CspViolations
    {
        get
        {
            lock (_console)
            {
                return _console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
            }
        }
    }

    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_pageErrors)
            {
                return [.. _pageErrors];
            }
        }
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");
    }

    /// <summary>No CSP violation and no uncaught script error: the page works under the strict policy.</summary>
    public void AssertCleanConsole()
    {
        Assert.True(CspViolations.Count == 0, "Content Security Policy violations:\n" + string.Join("\n", CspViolations));
        Assert.True(PageErrors.Count == 0, "Script errors:\n" + string.Join("\n", PageErrors));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
