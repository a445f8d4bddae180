using System.Net;
using System.Text.RegularExpressions;
using DataCustody.Sdk.Proofs;
using DataCustody.Testing;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.Pages;

/// <summary>A gateway whose log signs a checkpoint when it starts and then not for an hour, so new entries stay unproven.</summary>
public sealed partial class PendingProofsPageTests() : OwnGateway(new Dictionary<string, string> { ["Ledger__CheckpointInterval"] = "01:00:00" })
{
    [Fact]
    public async Task The_custody_page_names_the_entries_the_proof_download_cannot_prove_yet()
    {
        using var providerClient = DemoTokens.WithBearer(Gateway.BaseAddress, await DemoTokens.ForClientAsync(Gateway.BaseAddress, "shop"));
        var shop = await TestProvider.RegisterAsync(providerClient, "shop");
        using var bobApi = DemoTokens.WithBearer(Gateway.BaseAddress, (await DemoTokens.ForPersonAsync(Gateway.BaseAddress, "bob")).AccessToken);
        var consent = await GrantAsync(bobApi, "shop");
        var collected = await CollectAsync(shop, consent.Id("handle"), consent.Id("consentId"));

        var (bob, page) = await PageVisitor.SignedInAsync(Gateway.BaseAddress, "bob");
        using var _ = bob;
        var notice = PendingNotice().Match(await page.Content.ReadAsStringAsync());

        Assert.True(notice.Success, "the page does not say which entries have no proof yet");
        Assert.Contains($"#{collected}", notice.Value, StringComparison.Ordinal);
        // The page and the download agree on what is not proven yet.
        using var download = await bob.OpenAsync("my/proofs");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bundle = ProofBundle.Parse(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(collected, bundle.Pending);
        Assert.DoesNotContain(bundle.Entries, e => e.Index == collected);
    }

    [GeneratedRegex("<p>Entr(y|ies) #[^<]* newer than the\\s+log's latest signed checkpoint")]
    private static partial Regex PendingNotice();
}
