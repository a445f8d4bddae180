using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataCustody.Gateway.Tests.People;
using DataCustody.Sdk.Proofs;
using DataCustody.Testing;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.Pages;

/// <summary>The person's pages over real HTTP, signed in through the embedded provider's form.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed partial class PersonPagesTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task The_front_page_invites_a_stranger_to_sign_in()
    {
        using var response = await fixture.Anonymous.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/account/signin?returnUrl=%2Fmy%2Fcustody\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_is_sent_to_sign_in_and_back_to_the_page_they_asked_for()
    {
        using var browser = new PageVisitor(fixture.BaseAddress);
        using var toSignIn = await browser.Browser.OpenAsync("my/inbox");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal("/account/signin", browser.Browser.Redirected(toSignIn).AbsolutePath);
        Assert.Equal("?returnUrl=%2Fmy%2Finbox", browser.Browser.Redirected(toSignIn).Query);

        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "alice", "my/inbox");
        using (visitor)
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("/my/inbox", page.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("<h1>Your inbox</h1>", html, StringComparison.Ordinal);
            Assert.Contains("Signed in as Alice Aoki", html, StringComparison.Ordinal);
            // The denied page's address is no dead end for a person.
            Assert.Equal("/my/custody", visitor.Browser.Redirected(await visitor.Browser.OpenAsync("account/denied")).AbsolutePath);
            // No other site may frame it, and it loads nothing from anywhere.
            Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'", string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task The_custody_page_shows_each_holder_the_route_and_the_entries_that_prove_it()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("delivery");
        var bob = await fixture.PersonClientAsync("bob");
        const string category = "user.contact.address";
        var consent = await GrantAsync(bob, "shop", category);
        var collected = await CollectAsync(shop, consent.Id("handle"), consent.Id("consentId"), category);
        var transferred = (await shop.SubmitAsync(shop.Sign(shop.Transferred(
            TestProvider.NewId("transfer"), consent.Id("handle"), "delivery", category, Purpose, consent.Id("consentId"), new string('a', 64)))))[0];
        var transferIndex = transferred.GetProperty("entryIndex").GetInt64();

        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
        using (visitor)
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<h2>shop Example K.K. <span class=\"muted\">shop</span></h2>", html, StringComparison.Ordinal);
            Assert.Contains("<h2>delivery Example K.K. <span class=\"muted\">delivery</span></h2>", html, StringComparison.Ordinal);
            Assert.Contains("collected by shop Example K.K., then delivery Example K.K. (unconfirmed)", html, StringComparison.Ordinal);
            Assert.Contains($"#{collected}", html, StringComparison.Ordinal);
            Assert.Contains($"#{transferIndex}", html, StringComparison.Ordinal);
            Assert.Contains("aaaaaaaaaaaa…", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Contains("<td>User Contact Address <span class=\"muted\">user.contact.address</span></td>", html, StringComparison.Ordinal);
        }

        // Alice's page shows nothing of bob's.
        var (alice, hers) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "alice");
        using (alice)
        {
            Assert.DoesNotContain($"#{transferIndex}", await hers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_custody_page_shows_for_each_hop_the_consent_the_sender_named_and_the_one_the_broker_found_allowing_it()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("delivery");
        await fixture.RegisteredProviderAsync("cloud");
        var bob = await fixture.PersonClientAsync("bob");
        const string category = "user.contact.address";
        var consent = await GrantAsync(bob, "shop", category);
        var (handle, consentId) = (consent.Id("handle"), consent.Id("consentId"));
        await CollectAsync(shop, handle, consentId, category);
        // The consent allows onward transfer to delivery only: naming it for the cloud host gets that transfer flagged.
        var violations = new Dictionary<string, IEnumerable<string?>>();
        foreach (var recipient in new[] { "delivery", "cloud" })
        {
            var result = (await shop.SubmitAsync(shop.Sign(shop.Transferred(TestProvider.NewId("transfer"), handle, recipient, category, Purpose, consentId, new string('a', 64)))))[0];
            violations[recipient] = result.TryGetProperty("violations", out var found) ? found.EnumerateArray().Select(v => v.GetProperty("code").GetString()) : [];
        }
        Assert.DoesNotContain("no-consent", violations["delivery"]);
        Assert.Contains("no-consent", violations["cloud"]);

        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
        using var _ = visitor;
        // Bob's page shows the hops of other tests too: only those naming this consent are this test's.
        var hops = HopItem().Matches(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()))
            .Select(m => Whitespace().Replace(m.Groups["hop"].Value.Trim(), " "))
            .Where(hop => hop.Contains(consentId, StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var named = $"shop Example K.K. named <a href=\"/my/consents#consent-{consentId}\">your consent to shop Example K.K. (Essential for Payment Processing), given ";
        var id = $"</a> <span class=\"muted\">{consentId}</span>.";

        var delivered = Assert.Single(hops, hop => hop.Contains("→ delivery Example K.K.", StringComparison.Ordinal));
        Assert.StartsWith("shop Example K.K. → delivery Example K.K.: on your consent. ", delivered, StringComparison.Ordinal);
        Assert.Contains(named, delivered, StringComparison.Ordinal);
        Assert.Contains($"DataCustody found it allowed by <a href=\"/my/consents#consent-{consentId}\">your consent to shop Example K.K.", delivered, StringComparison.Ordinal);
        Assert.Equal(3, delivered.Split(id).Length);
        Assert.DoesNotContain("no consent", delivered, StringComparison.Ordinal);

        var flagged = Assert.Single(hops, hop => hop.Contains("→ cloud Example K.K.", StringComparison.Ordinal));
        Assert.StartsWith("shop Example K.K. → cloud Example K.K.: on your consent. ", flagged, StringComparison.Ordinal);
        Assert.Contains(named, flagged, StringComparison.Ordinal);
        Assert.Contains("<strong>DataCustody found no consent of yours that allows it, and flagged it for the regulator.</strong>", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("allowed by", flagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_custody_page_says_what_a_hop_rests_on_when_the_sender_named_no_consent_used_another_basis_or_has_not_reported_it()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var delivery = await fixture.RegisteredProviderAsync("delivery");
        var bob = await fixture.PersonClientAsync("bob");
        // Categories no other test passes on for bob, so that each row is this test's alone.
        const string unnamed = "user.contact.address.state";
        const string onContract = "user.contact.address.country";
        const string unreported = "user.contact.address.postal_code";
        var consent = await GrantAsync(bob, "shop", unnamed);
        var (handle, consentId) = (consent.Id("handle"), consent.Id("consentId"));
        await CollectAsync(shop, handle, consentId, unnamed);
        var deliveryHandle = (await GrantAsync(bob, "delivery", unreported)).Id("handle");
        var terms = new string('a', 64);
        var results = await shop.SubmitAsync(
            shop.Sign(shop.Transferred(TestProvider.NewId("transfer"), handle, "delivery", unnamed, Purpose, null, terms)),
            shop.Sign(shop.Collected(TestProvider.NewId("collect"), handle, onContract, Purpose, null)),
            shop.Sign($$"""
                {"id":"{{TestProvider.NewId("transfer")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"data.transferred","provider":"shop",
                 "handle":"{{handle}}","recipient":"delivery","categories":["{{onContract}}"],"purposes":["{{Purpose}}"],"legalBasis":"contract","termsSha256":"{{terms}}"}
                """));
        Assert.All(results, result => Assert.Equal("recorded", result.Id("status")));
        // Delivery reports receiving what the shop has not reported sending.
        var received = (await delivery.SubmitAsync(delivery.Sign($$"""
            {"id":"{{TestProvider.NewId("receipt")}}","issuedAt":"{{TestProvider.RecentTime()}}","type":"data.received","provider":"delivery",
             "handle":"{{deliveryHandle}}","sender":"shop","transferId":"{{TestProvider.NewId("transfer")}}","categories":["{{unreported}}"],"obtainedVia":"from shop"}
            """)))[0];
        Assert.Equal("recorded", received.Id("status"));

        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
        using var _ = visitor;
        var rows = HoldingRow().Matches(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()))
            .Select(m => Whitespace().Replace(m.Groups["row"].Value.Trim(), " "))
            .ToList();
        // The shop's own row of a category holds no hop: the one hop is delivery's.
        string HopTo(string category) => Whitespace().Replace(Assert.Single(
            rows.Where(row => row.Contains($"<span class=\"muted\">{category}</span>", StringComparison.Ordinal)).SelectMany(row => HopItem().Matches(row))).Groups["hop"].Value.Trim(), " ");

        var found = HopTo(unnamed);
        Assert.StartsWith("shop Example K.K. → delivery Example K.K.: on your consent. shop Example K.K. named no consent. ", found, StringComparison.Ordinal);
        Assert.Contains($"DataCustody found it allowed by <a href=\"/my/consents#consent-{consentId}\">your consent to shop Example K.K.", found, StringComparison.Ordinal);

        Assert.Equal(
            "shop Example K.K. → delivery Example K.K.: on a contract with you. shop Example K.K. named no consent. Not on your consent, so DataCustody looked for none.",
            HopTo(onContract));

        Assert.Equal(
            "shop Example K.K. → delivery Example K.K.: shop Example K.K. has not reported passing it on yet, so nothing says what it rests on.",
            HopTo(unreported));
    }

    [Fact]
    public async Task The_custody_page_shows_the_consent_a_collected_copy_is_kept_on_and_a_copy_kept_on_a_basis_of_its_own()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var bob = await fixture.PersonClientAsync("bob");
        // Categories no other test collects for bob at the shop, so that each row is this test's alone.
        const string onConsent = "user.contact.url";
        const string onContract = "user.demographic.date_of_birth";
        const string onBoth = "user.account.username";
        var consent = await GrantAsync(bob, "shop", onConsent);
        var (handle, consentId) = (consent.Id("handle"), consent.Id("consentId"));
        await CollectAsync(shop, handle, consentId, onConsent);
        var both = (await GrantAsync(bob, "shop", onBoth)).Id("consentId");
        await CollectAsync(shop, handle, both, onBoth);
        foreach (var category in new[] { onContract, onBoth })
        {
            var contract = (await shop.SubmitAsync(shop.Sign(shop.Collected(TestProvider.NewId("collect"), handle, category, Purpose, null))))[0];
            Assert.Equal("recorded", contract.GetProperty("status").GetString());
        }

        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
        using var _ = visitor;
        var rows = HoldingRow().Matches(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()))
            .Select(m => Whitespace().Replace(m.Groups["row"].Value.Trim(), " "))
            .ToList();

        var kept = Assert.Single(rows, row => row.Contains($"<span class=\"muted\">{onConsent}</span>", StringComparison.Ordinal));
        Assert.Contains("collected from you", kept, StringComparison.Ordinal);
        Assert.Contains(
            $"Kept on <a href=\"/my/consents#consent-{consentId}\">your consent to shop Example K.K. (Essential for Payment Processing), given ",
            kept, StringComparison.Ordinal);
        Assert.Contains($"</a> <span class=\"muted\">{consentId}</span>.", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("basis of its own", kept, StringComparison.Ordinal);

        var own = Assert.Single(rows, row => row.Contains($"<span class=\"muted\">{onContract}</span>", StringComparison.Ordinal));
        Assert.Contains("Kept on a basis of its own, not on your consent, so withdrawing a consent does not oblige the holder to delete it.", own, StringComparison.Ordinal);
        Assert.DoesNotContain("consent-", own, StringComparison.Ordinal);

        // The username's latest copy is the one on the contract, but the shop still holds the one on the consent.
        var twice = Assert.Single(rows, row => row.Contains($"<span class=\"muted\">{onBoth}</span>", StringComparison.Ordinal));
        Assert.Contains(
            $"Kept on <a href=\"/my/consents#consent-{both}\">your consent to shop Example K.K.", twice, StringComparison.Ordinal);
        Assert.Contains(
            $"</a> <span class=\"muted\">{both}</span>. Also on a basis of its own, so withdrawing your consent does not oblige the holder to delete it.",
            twice, StringComparison.Ordinal);
        // Both routes show: the latest copy's, and the older one's that the shop collected on the consent.
        var custody = await bob.GetFromJsonAsync<JsonElement>("api/v1/me/custody");
        var username = custody.GetProperty("holders").EnumerateArray().Where(h => h.Id("holder") == "shop")
            .SelectMany(h => h.GetProperty("holdings").EnumerateArray()).Single(h => h.Id("category") == onBoth);
        var earlier = Assert.Single(username.GetProperty("earlierCopies").EnumerateArray());
        Assert.Empty(earlier.GetProperty("chain").EnumerateArray());
        Assert.True(earlier.GetProperty("since").GetDateTimeOffset() <= username.GetProperty("since").GetDateTimeOffset());
        Assert.Contains("collected from you<p>It still holds a copy it got earlier, on ", twice, StringComparison.Ordinal);
        Assert.Contains(": collected from you.</p>", twice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_custody_page_says_that_a_consent_a_holding_is_kept_on_was_withdrawn()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var bob = await fixture.PersonClientAsync("bob");
        // A category no other test collects for bob at the shop, so that the row is this test's alone.
        const string category = "user.contact.organization";
        var consent = await GrantAsync(bob, "shop", category);
        var (handle, consentId) = (consent.Id("handle"), consent.Id("consentId"));
        await CollectAsync(shop, handle, consentId, category);

        async Task<string> RowAsync()
        {
            var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
            using var _ = visitor;
            return Assert.Single(
                HoldingRow().Matches(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync())).Select(m => Whitespace().Replace(m.Groups["row"].Value.Trim(), " ")),
                row => row.Contains($"<span class=\"muted\">{category}</span>", StringComparison.Ordinal));
        }

        var kept = $"Kept on <a href=\"/my/consents#consent-{consentId}\">your consent to shop Example K.K. (Essential for Payment Processing), given ";
        var before = await RowAsync();
        Assert.Contains(kept, before, StringComparison.Ordinal);
        Assert.Contains($"</a> <span class=\"muted\">{consentId}</span>.", before, StringComparison.Ordinal);

        using (var revoked = await bob.PostAsync($"api/v1/me/consents/{consentId}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }
        // The copy stands until the shop answers the obligation to delete it: the page says the consent it rests on no longer does.
        var after = await RowAsync();
        Assert.Contains(kept, after, StringComparison.Ordinal);
        Assert.Contains($"</a>, which you withdrew <span class=\"muted\">{consentId}</span>.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_custody_page_offers_the_persons_proof_bundle_as_a_file_that_verifies_offline()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var bobApi = await fixture.PersonClientAsync("bob");
        var consent = await GrantAsync(bobApi, "shop", "user.contact.phone_number");
        var collected = await CollectAsync(shop, consent.Id("handle"), consent.Id("consentId"), "user.contact.phone_number");
        var (bob, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob");
        using var _ = bob;
        Assert.Contains("<a href=\"/my/proofs\" download", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Checkpoints follow appends within a second; the file covers the entry once one is signed.
        var (file, body) = await Eventually.UntilAsync(
            async () =>
            {
                var response = await bob.OpenAsync("my/proofs");
                return (Response: response, Body: await response.Content.ReadAsByteArrayAsync());
            },
            download => download.Response.StatusCode == HttpStatusCode.OK && ProofBundle.Parse(download.Body).TreeSize > collected,
            TimeSpan.FromSeconds(10),
            "a checkpoint covering bob's collection");

        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("datacustody-proofs.json", file.Content.Headers.ContentDisposition?.FileName);
        Assert.True(file.Headers.CacheControl?.NoStore, "the person's proofs are not for any cache to keep");
        var verified = ProofBundleVerifier.Verify(ProofBundle.Parse(body), await fixture.Gateway.GetVerifierKeyAsync());
        Assert.Contains(verified.Entries, e => e.Index == collected);
        // Once a checkpoint covers every entry, the page no longer says any is waiting for one.
        using var covered = await bob.OpenAsync("my/custody");
        Assert.DoesNotContain("newer than the", await covered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_on_the_consents_page_revokes_and_a_form_from_elsewhere_changes_nothing()
    {
        await fixture.RegisteredProviderAsync("shop");
        var aliceApi = await fixture.PersonClientAsync("alice");
        var consentId = (await GrantAsync(aliceApi, "shop")).Id("consentId");
        var (alice, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "alice", "my/consents");
        using var _ = alice;
        var html = await page.Content.ReadAsStringAsync();
        var action = $"/my/consents/{consentId}/revoke";

        using var forged = await alice.Browser.PostFormAsync(action, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("active", await StatusAsync(aliceApi, consentId));

        using var revoked = await alice.SubmitAsync(html, action);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("/my/consents", alice.Browser.Redirected(revoked).AbsolutePath);
        Assert.Equal("revoked", await StatusAsync(aliceApi, consentId));
        var after = await (await alice.OpenAsync("my/consents")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"action=\"{action}\"", after, StringComparison.Ordinal);

        // The same form again: the page says why, and nothing changes.
        using var again = await alice.SubmitAsync(html, action);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"<p role=\"alert\">Consent {consentId} is already revoked.</p>", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_person_cannot_revoke_anothers_consent_from_the_pages()
    {
        await fixture.RegisteredProviderAsync("shop");
        var aliceApi = await fixture.PersonClientAsync("alice");
        var consentId = (await GrantAsync(aliceApi, "shop")).Id("consentId");
        var (bob, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "bob", "my/consents");
        using var _ = bob;
        var html = await page.Content.ReadAsStringAsync();

        // Bob's own, valid token on a form he built himself.
        using var refused = await bob.SubmitAsync(html.Replace("action=\"/account/signout\"", $"action=\"/my/consents/{consentId}/revoke\"", StringComparison.Ordinal), $"/my/consents/{consentId}/revoke");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains($"<p role=\"alert\">You have no consent {consentId}.</p>", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("active", await StatusAsync(aliceApi, consentId));
    }

    [Fact]
    public async Task A_providers_request_is_approved_on_the_consents_page()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var aliceApi = await fixture.PersonClientAsync("alice");
        var handle = (await GrantAsync(aliceApi, "shop")).Id("handle");
        var requestId = await RequestAsync(shop, handle);
        var (alice, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "alice", "my/consents");
        using var _ = alice;
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Requests waiting for your answer", html, StringComparison.Ordinal);

        using var approved = await alice.SubmitAsync(html, $"/my/consent-requests/{requestId}/approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var requests = await aliceApi.GetFromJsonAsync<JsonElement>("api/v1/me/consent-requests");
        Assert.Equal("approved", requests.EnumerateArray().Single(r => r.Id("requestId") == requestId).Id("status"));
        var consents = await aliceApi.GetFromJsonAsync<JsonElement>("api/v1/me/consents");
        Assert.Contains(consents.EnumerateArray(), c => c.TryGetProperty("requestId", out var r) && r.GetString() == requestId && c.Id("status") == "active");
        var after = await (await alice.OpenAsync("my/consents")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/my/consent-requests/{requestId}/approve", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signed_in_with_another_role_gets_the_denied_page_and_changes_nothing()
    {
        await fixture.RegisteredProviderAsync("shop");
        var aliceApi = await fixture.PersonClientAsync("alice");
        var consentId = (await GrantAsync(aliceApi, "shop")).Id("consentId");

        var (regina, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "regina");
        using var _ = regina;
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("/account/denied", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("These pages are for people whose data is in custody", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/my/consents\"", html, StringComparison.Ordinal);

        using var refused = await regina.SubmitAsync(html.Replace("action=\"/account/signout\"", $"action=\"/my/consents/{consentId}/revoke\"", StringComparison.Ordinal), $"/my/consents/{consentId}/revoke");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/denied", regina.Browser.Redirected(refused).AbsolutePath);
        Assert.Equal("active", await StatusAsync(aliceApi, consentId));
    }

    [Fact]
    public async Task The_sign_out_button_of_a_page_ends_the_session()
    {
        var (alice, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "alice", "my/inbox");
        using var _ = alice;

        using var signedOut = await alice.SubmitAsync(await page.Content.ReadAsStringAsync(), "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var home = await alice.OpenAsync(alice.Browser.Redirected(signedOut).PathAndQuery);

        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Sign out", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await alice.Browser.OpenAsync("my/inbox");
        Assert.Equal("/account/signin", alice.Browser.Redirected(again).AbsolutePath);
    }

    [GeneratedRegex("<li>(?<hop>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex HopItem();

    [GeneratedRegex("<tr>(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex HoldingRow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static async Task<string> StatusAsync(HttpClient person, string consentId) =>
        (await person.GetFromJsonAsync<JsonElement>("api/v1/me/consents")).EnumerateArray().Single(c => c.Id("consentId") == consentId).Id("status");

    [Fact]
    public async Task A_person_asks_to_be_forgotten_from_the_consents_page()
    {
        await fixture.RegisteredProviderAsync("shop");
        var password = GatewayApiFixture.ForgettablePeople["greta"];
        using var api = DemoTokens.WithBearer(fixture.BaseAddress, (await DemoTokens.ForPersonAsync(fixture.BaseAddress, "greta", password)).AccessToken);
        var consentId = (await GrantAsync(api, "shop")).Id("consentId");
        var (visitor, page) = await PageVisitor.SignedInAsync(fixture.BaseAddress, "greta", "my/consents", password);
        using var greta = visitor;
        var html = await page.Content.ReadAsStringAsync();
        var understood = new Dictionary<string, string> { ["understood"] = "yes" };

        using (var unticked = await greta.SubmitAsync(html, "/my/forget"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
            Assert.Contains("<p role=\"alert\">Tick the box", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var refused = await greta.SubmitAsync(html, "/my/forget", understood))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains($"Withdraw your consents first: {consentId} to shop", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var revoked = await api.PostAsync($"api/v1/me/consents/{consentId}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using (var forgotten = await greta.SubmitAsync(html, "/my/forget", understood))
        {
            Assert.Equal(HttpStatusCode.OK, forgotten.StatusCode);
            Assert.Contains("<h1>DataCustody has forgotten you</h1>", await forgotten.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var custody = await greta.OpenAsync("my/custody");
        Assert.Equal(HttpStatusCode.Gone, custody.StatusCode);
        Assert.Contains("<h1>DataCustody has forgotten you</h1>", await custody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
