using DataCustody.Testing;
using Microsoft.Playwright;

namespace DataCustody.Browser.Tests;

/// <summary>
/// Waits for a page to arrive at a path: for the navigation there to be committed, not for its load
/// event. After the sign-in's redirects Chromium sometimes showed the custody page, network idle, while
/// Playwright still waited for "load" until it timed out; what a test expects of the page it asserts
/// with Playwright's retrying expectations. A navigation that goes wrong ends on some other page, or in
/// the gateway's log, and Playwright's timeout names neither: the failure says where the page is, what
/// it shows and what the gateway printed.
/// </summary>
internal static class PageArrival
{
    private const int ShownCharacters = 2_000;

    public static async Task AtAsync(IPage page, string path, GatewayProcess gateway)
    {
        // Playwright waits for the load state when the page is there already, and that wait timed out on a page
        // Chromium had finished showing: a page that is there has arrived.
        if (new Uri(page.Url).AbsolutePath == path)
        {
            return;
        }
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            var text = await page.InnerTextAsync("body", new() { Timeout = 5_000 });
            throw new TimeoutException(
                $"The page did not arrive at {path}; it is at {page.Url} and shows:\n{Tail(text)}\nThe gateway printed:\n{Tail(gateway.Output)}", e);
        }
    }

    private static string Tail(string text) => text.Length <= ShownCharacters ? text : "…" + text[^ShownCharacters..];
}
