using Microsoft.Playwright;

namespace DataCustody.Browser.Tests;

/// <summary>
/// One headless Debian Chromium driven by Playwright, shared by the tests of a collection; each
/// test takes a fresh <see cref="IBrowserContext"/> (no cookies, no storage) from
/// <see cref="NewContextAsync"/>.
/// </summary>
/// <remarks>
/// Playwright's own browser builds are never downloaded: the fixture launches the system's
/// Chromium (<c>apt-get install -y chromium</c>) and fails, rather than skips, without it.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Where Debian's (and some other distributions') Chromium is looked for, in order.</summary>
    public static readonly IReadOnlyList<string> ExecutableCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    /// <summary>The first Chromium executable found, or <see langword="null"/>.</summary>
    public static string? FindExecutable() => ExecutableCandidates.FirstOrDefault(File.Exists);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(
            $"The browser tests need Debian's Chromium, found at none of {string.Join(", ", ExecutableCandidates)}. " +
            "Install it with: apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage) for one test; dispose it at the end of the test.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress?.ToString() });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
