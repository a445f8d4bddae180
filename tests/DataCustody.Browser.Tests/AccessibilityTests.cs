using System.CommandLine;
using DataCustody.Cli;
using DataCustody.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DataCustody.Browser.Tests;

/// <summary>
/// The pages people use, and the provider's sign-in form, checked with axe-core against WCAG 2.1 A and AA:
/// everyone whose data is in custody must be able to read where it went.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(ChromiumFixture chromium, GatewayFixture gateway)
{
    private static readonly AxeRunOptions Wcag21 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Every_page_a_person_sees_meets_wcag_2_1_aa()
    {
        // Bob's own copy of the story, so that every table and section has rows.
        using var output = new StringWriter();
        var demo = await CustodyCommandLine.Create().Parse(["demo", "--url", gateway.BaseAddress.ToString(), "--person", "bob", "--password", DemoTokens.Passwords["bob"]])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output, ProcessTerminationTimeout = null });
        Assert.True(demo == 0, output.ToString());
        // axe runs as a script in the page, which the pages' own policy would refuse.
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway.BaseAddress.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("");
        violations.AddRange(await ViolationsAsync(page));
        await page.GotoAsync("my/custody");
        await PageArrival.AtAsync(page, "/connect/signin", gateway.Gateway);
        // axe reads the document as it is: the whole form must be there.
        await page.WaitForLoadStateAsync(LoadState.Load);
        violations.AddRange(await ViolationsAsync(page));
        await page.Locator("#username").FillAsync("bob");
        await page.Locator("#password").FillAsync(DemoTokens.Passwords["bob"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageArrival.AtAsync(page, "/my/custody", gateway.Gateway);
        foreach (var path in new[] { "my/custody", "my/consents", "my/inbox" })
        {
            await page.GotoAsync(path);
            violations.AddRange(await ViolationsAsync(page));
        }

        Assert.True(violations.Count == 0, "WCAG 2.1 AA violations:\n" + string.Join("\n", violations));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21);
        return result.Violations.Select(v => $"{new Uri(page.Url).AbsolutePath}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}");
    }
}
