using System.CommandLine;
using DataCustody.Cli;
using DataCustody.Sdk.Proofs;
using DataCustody.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataCustody.Browser.Tests;

/// <summary>A person on the gateway's pages in Chromium, after <c>custody demo</c> loaded the story about them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonPagesInChromiumTests(ChromiumFixture chromium, GatewayFixture gateway)
{
    private const string Shop = "Shop Example K.K. (online shop)";
    private const string Cloud = "Cloud Example K.K. (cloud host)";
    private const string Backup = "Backup Example Ltd. (overseas data centre)";

    [Fact]
    public async Task Alice_signs_in_follows_her_data_to_the_overseas_backup_revokes_her_consent_and_signs_out()
    {
        await LoadDemoStoryAsync();
        await using var context = await chromium.NewContextAsync(gateway.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to see where your data is" }).ClickAsync();
        await PageArrival.AtAsync(page, "/connect/signin", gateway.Gateway);
        await page.Locator("#username").FillAsync("alice");
        await page.Locator("#password").FillAsync(DemoTokens.Passwords["alice"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageArrival.AtAsync(page, "/my/custody", gateway.Gateway);

        // Every holder of the story, and the way the order data took to the data centre abroad.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where your data is" })).ToBeVisibleAsync();
        foreach (var holder in new[] { Shop, "Delivery Example K.K. (delivery company)", Cloud, Backup })
        {
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = holder })).ToBeVisibleAsync();
        }
        var atBackup = page.GetByRole(AriaRole.Region, new() { Name = Backup });
        await Expect(atBackup).ToContainTextAsync($"collected by {Shop}, then {Cloud} → {Backup}");
        await Expect(atBackup).Not.ToContainTextAsync("deletion due");

        // The proof of it all, as a file that verifies with nothing but the log's key.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the proof of these entries" }).ClickAsync());
        Assert.Equal("datacustody-proofs.json", download.SuggestedFilename);
        var bundle = ProofBundle.Parse(await File.ReadAllBytesAsync(await download.PathAsync()));
        var verified = ProofBundleVerifier.Verify(bundle, await gateway.Gateway.GetVerifierKeyAsync());
        Assert.True(verified.Entries.Count + bundle.Pending.Count >= 10, $"{verified.Entries.Count} entries verified, {bundle.Pending.Count} pending");

        // The order consent is the one still active: revoking it reaches every copy that depends on it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Consents" }).ClickAsync();
        await PageArrival.AtAsync(page, "/my/consents", gateway.Gateway);
        var revoke = page.GetByRole(AriaRole.Button, new() { Name = "Revoke" });
        await Expect(revoke).ToHaveCountAsync(1);
        await revoke.ClickAsync();
        await Expect(revoke).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Where your data is" }).ClickAsync();
        await Expect(atBackup).ToContainTextAsync("deletion due");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await PageArrival.AtAsync(page, "/", gateway.Gateway);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("my/custody");
        await PageArrival.AtAsync(page, "/connect/signin", gateway.Gateway);
    }

    [Fact]
    public async Task A_regulator_signed_in_to_the_pages_is_told_they_are_for_people()
    {
        await using var context = await chromium.NewContextAsync(gateway.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("my/consents");
        await PageArrival.AtAsync(page, "/connect/signin", gateway.Gateway);
        await page.Locator("#username").FillAsync("regina");
        await page.Locator("#password").FillAsync(DemoTokens.Passwords["regina"]);
        var denied = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => new Uri(response.Url).AbsolutePath == "/account/denied");

        Assert.Equal(403, denied.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "These pages are for people whose data is in custody" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Consents" })).ToHaveCountAsync(0);
    }

    private async Task LoadDemoStoryAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CustodyCommandLine.Create().Parse(["demo", "--url", gateway.BaseAddress.ToString()])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
        Assert.True(exitCode == 0, $"custody demo failed ({exitCode}): {error}{output}");
    }
}
