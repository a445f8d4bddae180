using System.Security.Cryptography;
using System.Text;
using Dapper;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>The rules on SQLite.</summary>
public sealed class SqliteCustodyRuleTests(CustodyDatabases databases) : CustodyRuleTests(databases, StorageProvider.Sqlite);

/// <summary>The rules on PostgreSQL.</summary>
public sealed class PostgresCustodyRuleTests(CustodyDatabases databases) : CustodyRuleTests(databases, StorageProvider.Postgres);

/// <summary>
/// The rules of the custody domain: what is refused because it cannot be true, what is recorded
/// but flagged because it broke a rule, and what the consent checks allow.
/// </summary>
public abstract class CustodyRuleTests(CustodyDatabases databases, StorageProvider provider) : IClassFixture<CustodyDatabases>, IAsyncLifetime
{
    private static readonly string[] Contact = ["user.contact.email"];
    private static readonly string[] Service = ["essential.service"];
    private CustodyCluster _cluster = null!;
    private ProviderActor _shop = null!;
    private ProviderActor _partner = null!;
    private ProviderActor _weak = null!;
    private string _terms = "";

    public async Task InitializeAsync()
    {
        _cluster = await databases.StartClusterAsync(provider);
        _shop = await new ProviderActor(_cluster, "shop.example").JoinAsync("JP", level: 3);
        _partner = await new ProviderActor(_cluster, "partner.example").JoinAsync("JP", level: 3);
        _weak = await new ProviderActor(_cluster, "weak.example").JoinAsync("JP", level: 1);
        _terms = await _shop.DeclareTermsAsync("Partner contract", deletionDays: 10);
    }

    public async Task DisposeAsync()
    {
        _shop.Dispose();
        _partner.Dispose();
        _weak.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Statements_that_cannot_be_true_are_refused_naming_the_field()
    {
        var handle = await _cluster.Person("p1").GetHandle(_shop.Id);
        var partnerHandle = await _cluster.Person("p1").GetHandle(_partner.Id);
        var collect = new DataCollected(_shop.NextId(), _shop.Now, _shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null);

        Assert.Equal("handle", (await _shop.CollectAsync("h_aaaaaaaaaaaaaaaaaaaaaaaaaa", Contact, Service, LegalBasis.Contract)).Field);
        Assert.Equal("handle", (await _shop.CollectAsync(partnerHandle, Contact, Service, LegalBasis.Contract)).Field);
        Assert.Equal("kid", (await _shop.SubmitAsync(collect, kid: "no-such-key")).Field);
        Assert.Equal("issuedAt", (await _shop.SubmitAsync(collect with { Id = _shop.NextId(), IssuedAt = _shop.Now.AddHours(1) })).Field);
        Assert.Equal("provider", (await _partner.SubmitAsync(collect with { Id = _partner.NextId() })).Field);
        Assert.Equal("recipient", (await _shop.TransferAsync(handle, "nobody.example", Contact, Service, _terms, LegalBasis.Contract)).Field);
        Assert.Equal("obligationId", (await _shop.DeleteAsync(handle, Contact, "obl_doesnotexist00")).Field);
        Assert.All(await _cluster.Person("p1").GetCustodyView() is var view ? view.Holders : [], h => Assert.Fail($"nothing was recorded, yet {h.Holder} holds data"));
    }

    [Fact]
    public async Task A_statement_too_long_for_an_entry_bundle_is_refused_and_not_logged()
    {
        // Non-ASCII text triples in UTF-8 and grows by a third again in base64url: within the text's
        // own limit, its JWS is longer than a log entry may be.
        var text = new string('規', 20_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var ledger = _cluster.Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var sizeBefore = (await ledger.GetStatus()).Size;

        var outcome = await _shop.SubmitAsync(new TermsDeclared(_shop.NextId(), _shop.Now, _shop.Id, sha, "Long contract", text, new TermsSummary(true, 72, 30, "JP")));

        Assert.Equal(StatementResult.Rejected, outcome.Result);
        Assert.Equal("", outcome.Field);
        Assert.Contains($"at most {SubmittedStatement.MaxJwsLength}", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(await _shop.Grain.GetTerms(sha));
        Assert.Equal(sizeBefore, (await ledger.GetStatus()).Size);
    }

    [Fact]
    public async Task A_retired_key_signs_nothing_issued_after_its_retirement()
    {
        var handle = await _cluster.Person("p2").GetHandle(_shop.Id);
        var before = new DataCollected(_shop.NextId(), _shop.Now.AddSeconds(-10), _shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null);

        await _shop.Grain.RetireKey(_shop.Kid, _shop.Now.AddSeconds(-5));

        Assert.Equal(StatementResult.Recorded, (await _shop.SubmitAsync(before)).Result);
        var after = await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);
        Assert.Equal(StatementResult.Rejected, after.Result);
        Assert.Equal("kid", after.Field);
    }

    [Fact]
    public async Task A_repeated_statement_id_returns_the_original_result_and_different_content_is_refused()
    {
        var handle = await _cluster.Person("p3").GetHandle(_shop.Id);
        var statement = new DataCollected(_shop.NextId(), _shop.Now, _shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null);

        var first = await _shop.SubmitAsync(statement);
        var again = await _shop.SubmitAsync(statement);
        var sameBatch = await _shop.Grain.Submit([_shop.Sign(statement with { Id = "twice" }), _shop.Sign(statement with { Id = "twice" })]);
        var changed = await _shop.SubmitAsync(statement with { Categories = ["user.contact.phone_number"] });

        Assert.Equal(StatementResult.Duplicate, again.Result);
        Assert.Equal(first.Index, again.Index);
        Assert.Equal(first.LeafHash, again.LeafHash);
        Assert.Equal([StatementResult.Recorded, StatementResult.Duplicate], sameBatch.Select(o => o.Result));
        Assert.Equal(sameBatch[0].Index, sameBatch[1].Index);
        Assert.Equal((StatementResult.Rejected, "id"), (changed.Result, changed.Field));
    }

    [Fact]
    public async Task A_repeated_transfer_returns_what_it_broke_and_the_recipients_handle()
    {
        var person = _cluster.Person("p3-retry");
        var handle = await person.GetHandle(_shop.Id);
        var transfer = new DataTransferred(_shop.NextId(), _shop.Now, _shop.Id, handle, _partner.Id, [.. Contact], [.. Service], LegalBasis.Consent, null, _terms);

        var sameBatch = await _shop.Grain.Submit([_shop.Sign(transfer), _shop.Sign(transfer)]);
        var retry = await _shop.SubmitAsync(transfer);

        var first = sameBatch[0];
        Assert.Equal(["not-held", "no-consent"], first.Violations.Select(v => v.Code));
        Assert.Equal(await person.GetHandle(_partner.Id), first.RecipientHandle);
        foreach (var repeat in new[] { sameBatch[1], retry })
        {
            Assert.Equal(StatementResult.Duplicate, repeat.Result);
            Assert.Equal(first.Index, repeat.Index);
            Assert.Equal(first.LeafHash, repeat.LeafHash);
            Assert.Equal(first.Violations, repeat.Violations);
            Assert.Equal(first.RecipientHandle, repeat.RecipientHandle);
        }
    }

    [Fact]
    public async Task What_breaks_a_rule_is_recorded_and_flagged()
    {
        var person = _cluster.Person("p4");
        var handle = await person.GetHandle(_shop.Id);

        var unconsented = await _shop.CollectAsync(handle, Contact, Service);
        var byContract = await _shop.CollectAsync(handle, ["user.name"], Service, LegalBasis.Contract);
        var passedOn = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms);

        Assert.Equal(["no-consent"], unconsented.Violations.Select(v => v.Code));
        Assert.Empty(byContract.Violations);
        Assert.Equal(["no-consent"], passedOn.Violations.Select(v => v.Code));
        Assert.Equal(StatementResult.Recorded, passedOn.Result);
        Assert.Contains(await person.GetInbox(), m => m.Kind == "violation" && m.EntryIndex == passedOn.Index);
        Assert.Contains((await person.GetCustodyView()).Holders, h => h.Holder == _partner.Id);
    }

    [Fact]
    public async Task A_violation_logs_the_first_reasons_and_counts_the_rest()
    {
        var person = _cluster.Person("p-many");
        var handle = await person.GetHandle(_shop.Id);
        for (var i = 0; i < 8; i++)
        {
            await person.GrantConsent(_shop.Id, new ConsentTerms(["user.name"], ["essential"], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        }

        var outcome = await _shop.CollectAsync(handle, Contact, Service);

        var detail = Assert.Single(outcome.Violations).Detail;
        Assert.Equal(5, detail.Split("does not cover").Length - 1);
        Assert.EndsWith("; and 3 more.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transfer_check_follows_named_recipients_levels_terms_and_expiry()
    {
        var person = _cluster.Person("p5");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], ["essential"], new OnwardTransfer(true, [], 2, [_terms]), 30, _shop.Now.AddDays(30)));
        TransferQuestion Ask(string recipient, string? terms, string[]? categories = null, string[]? purposes = null) =>
            new(_shop.Id, consent.Handle, recipient, categories ?? Contact, purposes ?? Service, terms);

        var allowed = await _shop.CheckTransferAsync(Ask(_partner.Id, _terms));
        var lowLevel = await _shop.CheckTransferAsync(Ask(_weak.Id, _terms));
        var otherTerms = await _shop.CheckTransferAsync(Ask(_partner.Id, new string('0', 64)));
        var otherCategory = await _shop.CheckTransferAsync(Ask(_partner.Id, _terms, ["user.financial"]));
        var otherPurpose = await _shop.CheckTransferAsync(Ask(_partner.Id, _terms, purposes: ["marketing.advertising"]));

        Assert.Equal((true, consent.ConsentId), (allowed.Allowed, allowed.ConsentId));
        Assert.Contains(lowLevel.Reasons, r => r.Contains("level 2", StringComparison.Ordinal));
        Assert.Contains(otherTerms.Reasons, r => r.Contains("only under terms", StringComparison.Ordinal));
        Assert.Contains(otherCategory.Reasons, r => r.Contains("user.financial", StringComparison.Ordinal));
        Assert.Contains(otherPurpose.Reasons, r => r.Contains("marketing.advertising", StringComparison.Ordinal));
        Assert.False(lowLevel.Allowed || otherTerms.Allowed || otherCategory.Allowed || otherPurpose.Allowed);

        _cluster.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await _shop.CheckTransferAsync(Ask(_partner.Id, _terms));
        await _cluster.Grains.GetGrain<IDeadlineSweeperGrain>(0).Sweep();

        Assert.False(expired.Allowed);
        Assert.Contains(expired.Reasons, r => r.Contains("expired", StringComparison.Ordinal));
        Assert.Equal(ConsentStatus.Expired, (await person.GetConsents()).Single().Status);
    }

    [Fact]
    public async Task The_transfer_check_reads_the_level_a_recipient_declares_now()
    {
        var person = _cluster.Person("p5-level");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], ["essential"], new OnwardTransfer(true, [], 2, []), 30, _shop.Now.AddDays(30)));
        var question = new TransferQuestion(_shop.Id, consent.Handle, _weak.Id, Contact, Service, _terms);

        var whileWeak = await _shop.CheckTransferAsync(question);
        Assert.Equal(StatementResult.Recorded, (await _weak.DeclareProfileAsync(3, ["JP"])).Result);
        var afterRaising = await _shop.CheckTransferAsync(question);

        Assert.False(whileWeak.Allowed);
        Assert.Equal((true, consent.ConsentId), (afterRaising.Allowed, afterRaising.ConsentId));
    }

    [Fact]
    public async Task A_transfer_is_judged_and_recorded_with_the_recipients_profile_in_force_when_submitted()
    {
        var person = _cluster.Person("p5-standing");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], ["essential"], new OnwardTransfer(true, [], 2, []), 30, _shop.Now.AddDays(30)));
        string[] phone = ["user.contact.phone_number"];
        await _shop.CollectAsync(consent.Handle, [.. Contact, .. phone], Service, consentId: consent.ConsentId);

        var whileWeak = await _shop.TransferAsync(consent.Handle, _weak.Id, Contact, Service, _terms, consentId: consent.ConsentId);
        Assert.Equal(StatementResult.Recorded, (await _weak.DeclareProfileAsync(3, ["JP"])).Result);
        var afterRaising = await _shop.TransferAsync(consent.Handle, _weak.Id, phone, Service, _terms, consentId: consent.ConsentId);

        Assert.Equal(["no-consent"], whileWeak.Violations.Select(v => v.Code));
        Assert.Empty(afterRaising.Violations);
        var hops = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _weak.Id).Holdings.Select(holding => holding.Chain.Single());
        Assert.Equal(
            [(whileWeak.Index!.Value, 1L), (afterRaising.Index!.Value, 2L)],
            hops.Select(hop => (hop.Evidence[0], hop.RecipientProfileVersion ?? 0)).OrderBy(hop => hop.Item1));
        // Both hops name the consent; only the second did the consent allow.
        Assert.Equal(
            [(consent.ConsentId, null), (consent.ConsentId, consent.ConsentId)],
            hops.OrderBy(hop => hop.HopId).Select(hop => (hop.ConsentId, hop.AllowedBy)));
    }

    [Fact]
    public async Task A_transfer_check_must_name_a_handle_the_broker_issued_to_the_asking_provider()
    {
        var partnerHandle = await _cluster.Person("p5-foreign").GetHandle(_partner.Id);
        TransferQuestion AskAs(string sender, string handle) => new(sender, handle, _weak.Id, Contact, Service, null);

        var foreign = await Assert.ThrowsAsync<ArgumentException>(() => _shop.CheckTransferAsync(AskAs(_shop.Id, partnerHandle)));
        var byOwner = await _partner.CheckTransferAsync(AskAs(_partner.Id, partnerHandle));
        var foreignAgain = await Assert.ThrowsAsync<ArgumentException>(() => _shop.CheckTransferAsync(AskAs(_shop.Id, partnerHandle)));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _shop.CheckTransferAsync(AskAs(_shop.Id, "h_aaaaaaaaaaaaaaaaaaaaaaaaaa")));

        Assert.All([foreign, foreignAgain, unknown], e => Assert.Equal("question", e.ParamName));
        Assert.Equal((false, $"the person gave {_partner.Id} no consent"), (byOwner.Allowed, byOwner.Reasons.Single()));
    }

    [Fact]
    public async Task A_named_recipient_that_is_not_registered_is_refused()
    {
        var person = _cluster.Person("p5-unregistered");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], ["essential"], new OnwardTransfer(true, ["ghost.example", _partner.Id], null, []), 30, _shop.Now.AddDays(30)));

        var toGhost = await _shop.CheckTransferAsync(new TransferQuestion(_shop.Id, consent.Handle, "ghost.example", Contact, Service, null));
        var toPartner = await _shop.CheckTransferAsync(new TransferQuestion(_shop.Id, consent.Handle, _partner.Id, Contact, Service, null));

        Assert.False(toGhost.Allowed);
        Assert.Contains(toGhost.Reasons, r => r.Contains("ghost.example is not a registered provider", StringComparison.Ordinal));
        Assert.True(toPartner.Allowed);
    }

    [Fact]
    public async Task A_provider_is_refused_until_it_registers_and_recognised_from_then_on()
    {
        var person = _cluster.Person("p5-late");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], ["essential"], new OnwardTransfer(true, ["late.example"], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        var question = new TransferQuestion(_shop.Id, consent.Handle, "late.example", Contact, Service, null);

        var checkedBefore = await _shop.CheckTransferAsync(question);
        var receivedBefore = await _partner.ReceiveAsync(partnerHandle, "late.example", "late-1", Contact);
        using var late = await new ProviderActor(_cluster, "late.example").JoinAsync("JP", level: 2);
        var checkedAfter = await _shop.CheckTransferAsync(question);
        var receivedAfter = await _partner.ReceiveAsync(partnerHandle, "late.example", "late-2", Contact);

        Assert.Equal((false, "late.example is not a registered provider"), (checkedBefore.Allowed, checkedBefore.Reasons.Single()));
        Assert.Equal((StatementResult.Rejected, "sender"), (receivedBefore.Result, receivedBefore.Field));
        Assert.Equal((true, consent.ConsentId), (checkedAfter.Allowed, checkedAfter.ConsentId));
        Assert.Equal(StatementResult.Recorded, receivedAfter.Result);
    }

    [Fact]
    public async Task A_hop_is_confirmed_only_when_both_sides_have_signed_whichever_comes_first()
    {
        var person = _cluster.Person("p6");
        var handle = await person.GetHandle(_shop.Id);
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);

        var receipt = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-7", Contact);
        var oneSided = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain.Single();
        var transfer = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-7");
        var confirmed = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain.Single();

        Assert.False(oneSided.Confirmed);
        Assert.Equal(partnerHandle, transfer.RecipientHandle);
        Assert.True(confirmed.Confirmed);
        Assert.Equal(receipt.Index, confirmed.HopId);
        Assert.Equal([receipt.Index!.Value, transfer.Index!.Value], confirmed.Evidence.Order());
    }

    [Fact]
    public async Task Categories_received_but_not_reported_sent_are_flagged_whichever_comes_first()
    {
        var person = _cluster.Person("p6-extra");
        var handle = await person.GetHandle(_shop.Id);
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);
        string[] received = [.. Contact, "user.financial"];
        var expected = new EntryViolation(ViolationCodes.CategoriesDiffer, $"{_partner.Id} received user.financial, which {_shop.Id} did not report sending.");

        var sentFirst = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-6a");
        var receivedSecond = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-6a", received);
        var receivedFirst = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-6b", received);
        var sentSecond = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-6b");

        Assert.Empty(sentFirst.Violations);
        Assert.Empty(receivedFirst.Violations);
        Assert.Equal(expected, Assert.Single(receivedSecond.Violations));
        Assert.Equal(expected, Assert.Single(sentSecond.Violations));
    }

    [Fact]
    public async Task A_category_received_beneath_one_reported_sent_is_not_flagged_whichever_comes_first()
    {
        var person = _cluster.Person("p6-beneath");
        var handle = await person.GetHandle(_shop.Id);
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(handle, ["user.contact"], Service, LegalBasis.Contract);

        var sentFirst = await _shop.TransferAsync(handle, _partner.Id, ["user.contact"], Service, _terms, LegalBasis.Contract, id: "transfer-6c");
        var receivedSecond = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-6c", Contact);
        var receivedFirst = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-6d", Contact);
        var sentSecond = await _shop.TransferAsync(handle, _partner.Id, ["user.contact"], Service, _terms, LegalBasis.Contract, id: "transfer-6d");
        // The whole contact is more than the email that was sent.
        await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-6e");
        var receivedAbove = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-6e", ["user.contact"]);

        Assert.All([sentFirst, receivedSecond, receivedFirst, sentSecond], outcome => Assert.Empty(outcome.Violations));
        Assert.Equal(
            new EntryViolation(ViolationCodes.CategoriesDiffer, $"{_partner.Id} received user.contact, which {_shop.Id} did not report sending."),
            Assert.Single(receivedAbove.Violations));
    }

    [Fact]
    public async Task A_category_received_beneath_one_passed_on_depends_on_the_sender_s_consents_whichever_comes_first()
    {
        var person = _cluster.Person("p8-received-beneath");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        var cloudHandle = await person.GetHandle(cloud.Id);
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);
        // The shop reports its transfer to the partner first; the cloud reports its receipt first.
        await _shop.TransferAsync(consent.Handle, _partner.Id, ["user.contact"], Service, _terms, LegalBasis.Contract, id: "transfer-beneath-1");
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-beneath-1", Contact);
        await cloud.ReceiveAsync(cloudHandle, _shop.Id, "transfer-beneath-2", Contact);
        await _shop.TransferAsync(consent.Handle, cloud.Id, ["user.contact"], Service, _terms, LegalBasis.Contract, id: "transfer-beneath-2");

        await person.RevokeConsent(consent.ConsentId);

        var obligations = await person.GetObligations();
        Assert.Equal([cloud.Id, _partner.Id, _shop.Id], obligations.Select(o => o.Holder).Order());
        Assert.Equal(["user.contact"], obligations.Single(o => o.Holder == _partner.Id).Categories);
        Assert.Equal(Contact, obligations.Single(o => o.Holder == cloud.Id).Categories);
        // The holdings table, which a fresh cluster reads the person back from, has the copies depend on the same consent.
        await using (var connection = await _cluster.Services.GetRequiredService<Database>().OpenAsync())
        {
            var passedOn = await connection.QueryAsync<HoldingRow>("SELECT * FROM holdings WHERE handle = @partnerHandle OR handle = @cloudHandle", new { partnerHandle, cloudHandle });
            Assert.Equal([(cloud.Id, "user.contact.email"), (_partner.Id, "user.contact")], passedOn.Select(h => (h.Holder, h.Category)).Order());
            Assert.All(passedOn, copy => Assert.Equal([consent.ConsentId], HoldingRoots.Of(copy)));
        }
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_consent_request_waits_for_the_person()
    {
        var person = _cluster.Person("p7");
        var handle = await person.GetHandle(_shop.Id);
        var terms = new ConsentTerms(["user.name"], ["marketing.communications"], new OnwardTransfer(false, [], null, []), 90, _shop.Now.AddDays(90));

        var approvedId = await _shop.Grain.RequestConsent(handle, terms);
        var rejectedId = await _shop.Grain.RequestConsent(handle, terms);
        var pending = await person.GetConsentRequests();
        var consent = await person.ApproveConsentRequest(approvedId);
        var rejected = await person.RejectConsentRequest(rejectedId);

        Assert.All(pending, r => Assert.Equal(ConsentRequestStatus.Pending, r.Status));
        Assert.Equal((ConsentStatus.Active, approvedId), (consent.Status, consent.RequestId));
        Assert.Equal(ConsentRequestStatus.Rejected, rejected.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => person.ApproveConsentRequest(rejectedId));
        Assert.Single(await person.GetConsents());
        Assert.Equal(2, (await person.GetInbox()).Count(m => m.Kind == "consent.requested"));
    }

    [Fact]
    public async Task A_copy_first_reported_by_its_recipient_still_depends_on_the_consent_that_allowed_it()
    {
        var person = _cluster.Person("p8");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);

        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-8", Contact);
        await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, consentId: consent.ConsentId, id: "transfer-8");
        await person.RevokeConsent(consent.ConsentId);

        Assert.Equal([_partner.Id, _shop.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
        Assert.Equal(10, ((await person.GetObligations()).Single(o => o.Holder == _partner.Id).DueAt - _shop.Now).TotalDays, precision: 3);
    }

    [Fact]
    public async Task A_copy_passed_on_after_its_consent_ended_must_be_deleted_by_its_recipient()
    {
        var person = _cluster.Person("p8-late");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        await person.RevokeConsent(consent.ConsentId);
        _cluster.Clock.Advance(TimeSpan.FromDays(1));

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal(StatementResult.Recorded, transfer.Result);
        await PartnerMustDeleteAsync(person, consent.ConsentId, transfer.RecipientHandle!, dueIndex: transfer.Index!.Value + 1);
    }

    [Fact]
    public async Task A_copy_first_reported_by_its_recipient_after_its_consent_ended_must_be_deleted_once_the_sender_reports_it()
    {
        var person = _cluster.Person("p8-late-receipt");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-8-late", Contact);
        await person.RevokeConsent(consent.ConsentId);
        _cluster.Clock.Advance(TimeSpan.FromDays(1));

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-8-late");

        Assert.Equal(StatementResult.Recorded, transfer.Result);
        await PartnerMustDeleteAsync(person, consent.ConsentId, partnerHandle, dueIndex: transfer.Index!.Value + 1);
    }

    [Fact]
    public async Task Deleting_a_category_releases_the_copies_beneath_it_and_answers_their_obligation()
    {
        var person = _cluster.Person("p8-parent");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, ["user.contact.email", "user.contact.phone_number"], Service, consentId: consent.ConsentId);
        await _shop.CollectAsync(consent.Handle, ["user.name"], Service, LegalBasis.Contract);
        await person.RevokeConsent(consent.ConsentId);
        var obligation = Assert.Single(await person.GetObligations());

        var deleted = await _shop.DeleteAsync(consent.Handle, ["user.contact"], obligation.ObligationId);

        Assert.Equal(StatementResult.Recorded, deleted.Result);
        Assert.Empty(deleted.Violations);
        Assert.Equal(ObligationStatus.Answered, Assert.Single(await person.GetObligations()).Status);
        string[] released = ["user.contact.email", "user.contact.phone_number"];
        Assert.Equal(released, await CategoriesAsync(person, HoldingStatus.Deleted));
        Assert.Equal(["user.name"], await CategoriesAsync(person, HoldingStatus.Holding));
        // A fresh cluster reads the person back from the holdings table, which the SQL release wrote.
        await _cluster.RestartAsync();
        Assert.Equal(released, await CategoriesAsync(_cluster.Person("p8-parent"), HoldingStatus.Deleted));
        await AssertRebuildEqualsLiveAsync();
    }

    private static async Task<string[]> CategoriesAsync(ICitizenGrain person, HoldingStatus status) =>
        [.. (await person.GetCustodyView()).Holders.SelectMany(h => h.Holdings).Where(h => h.Status == status).Select(h => h.Category).Order(StringComparer.Ordinal)];

    // The projections rebuilt from the log alone are the live tables.
    private async Task AssertRebuildEqualsLiveAsync()
    {
        var target = new Database(SqlDialect.For(provider), await databases.CreateDatabaseAsync(provider));
        await ProjectionRebuild.RebuildAsync(_cluster.Services.GetRequiredService<LedgerStore>(), target, CancellationToken.None);
        var live = await ProjectionSnapshot.ReadAsync(_cluster.Services.GetRequiredService<Database>(), CancellationToken.None);
        Assert.Empty(live.Differences(await ProjectionSnapshot.ReadAsync(target, CancellationToken.None)));
    }

    // Once the shop has deleted its own copy, only the partner's obligation keeps the person from being forgotten.
    private async Task PartnerMustDeleteAsync(ICitizenGrain person, string consentId, string partnerHandle, long dueIndex)
    {
        var shopObligation = (await person.GetObligations()).Single(o => o.Holder == _shop.Id);
        Assert.Empty((await _shop.DeleteAsync(shopObligation.Handle, Contact, shopObligation.ObligationId)).Violations);

        var obligation = (await person.GetObligations()).Single(o => o.Holder == _partner.Id);
        Assert.Equal((partnerHandle, consentId, ObligationStatus.Due, dueIndex), (obligation.Handle, obligation.ConsentId, obligation.Status, obligation.DueIndex));
        Assert.Equal(Contact, obligation.Categories);
        // The terms of the hop ask for deletion within 10 days, counted from the transfer.
        Assert.Equal(10, (obligation.DueAt - _shop.Now).TotalDays, precision: 3);
        Assert.Equal(obligation.ObligationId, Assert.Single(await _partner.Grain.GetOpenObligations()).ObligationId);
        Assert.Contains(await person.GetInbox(), m => m.EntryIndex == dueIndex && m.Body.Contains($"{_partner.Id} must now delete", StringComparison.Ordinal));
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => person.Forget());
        Assert.Contains($"{_partner.Id} user.contact.email by {obligation.DueAt:yyyy-MM-dd} ({obligation.ObligationId})", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_given_the_same_data_under_two_consents_must_delete_it_only_once_both_ended()
    {
        var person = _cluster.Person("p8-two-routes");
        var (viaShop, viaWeak) = await PartnerHoldsUnderTwoConsentsAsync(person, fromShop: Contact, fromWeak: Contact);

        await person.RevokeConsent(viaShop.ConsentId);
        Assert.Equal([_shop.Id], (await person.GetObligations()).Select(o => o.Holder));
        Assert.Equal(HoldingStatus.Holding, (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Status);

        await person.RevokeConsent(viaWeak.ConsentId);
        var obligation = (await person.GetObligations()).Single(o => o.Holder == _partner.Id);
        Assert.Equal(viaWeak.ConsentId, obligation.ConsentId);
        Assert.Equal(Contact, obligation.Categories);
        Assert.Equal([_partner.Id, _shop.Id, _weak.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
    }

    [Fact]
    public async Task A_copy_passed_on_by_a_holder_given_it_under_two_consents_stays_lawful_until_both_ended()
    {
        var person = _cluster.Person("p8-two-routes-onward");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var (viaShop, viaWeak) = await PartnerHoldsUnderTwoConsentsAsync(person, fromShop: Contact, fromWeak: Contact);
        var partnerHandle = await person.GetHandle(_partner.Id);

        var before = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        await person.RevokeConsent(viaShop.ConsentId);
        var after = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal([StatementResult.Recorded, StatementResult.Recorded], new[] { before.Result, after.Result });
        Assert.Equal([_shop.Id], (await person.GetObligations()).Select(o => o.Holder));
        // A fresh cluster reads what each copy depends on back from the holdings table.
        await _cluster.RestartAsync();
        person = _cluster.Person("p8-two-routes-onward");
        await person.RevokeConsent(viaWeak.ConsentId);
        var obligation = (await person.GetObligations()).Single(o => o.Holder == cloud.Id);
        Assert.Equal(viaWeak.ConsentId, obligation.ConsentId);
        Assert.Equal(Contact, obligation.Categories);
        Assert.Equal([cloud.Id, _partner.Id, _shop.Id, _weak.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_holder_s_copy_of_a_category_keeps_the_categories_beneath_it_lawful_while_its_consent_is_active()
    {
        var person = _cluster.Person("p8-above");
        var (viaShop, viaWeak) = await PartnerHoldsUnderTwoConsentsAsync(person, fromShop: ["user.contact"], fromWeak: Contact);
        await _shop.CollectAsync(viaShop.Handle, ["user.contact.phone_number"], Service, LegalBasis.Contract);

        await person.RevokeConsent(viaWeak.ConsentId);
        // Passed on again once its consent had ended, the email still comes to a holder whose contact has it lawfully.
        var late = await _weak.TransferAsync(viaWeak.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal(StatementResult.Recorded, late.Result);
        Assert.Equal([_weak.Id], (await person.GetObligations()).Select(o => o.Holder));
        Assert.Equal([("user.contact", HoldingStatus.Holding), ("user.contact.email", HoldingStatus.Holding)], await PartnerHoldingsAsync(person));

        // Once the contact's consent ends too, the email copies were lawful through it alone.
        await person.RevokeConsent(viaShop.ConsentId);
        var obligation = (await person.GetObligations()).Single(o => o.Holder == _partner.Id);
        Assert.Equal(viaShop.ConsentId, obligation.ConsentId);
        Assert.Equal(["user.contact", "user.contact.email"], obligation.Categories);
        Assert.Equal([_partner.Id, _shop.Id, _weak.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
        // A copy beneath that depends on no consent was never lawful through one.
        Assert.Equal(["user.contact"], (await person.GetObligations()).Single(o => o.Holder == _shop.Id).Categories);
    }

    [Fact]
    public async Task A_holder_s_copy_of_a_category_beneath_does_not_keep_the_category_above_lawful()
    {
        var person = _cluster.Person("p8-beneath");
        var (viaShop, viaWeak) = await PartnerHoldsUnderTwoConsentsAsync(person, fromShop: Contact, fromWeak: ["user.contact"]);

        await person.RevokeConsent(viaWeak.ConsentId);

        // The email alone is still lawful, but the rest of the contact cannot be named apart from it.
        var obligation = (await person.GetObligations()).Single(o => o.Holder == _partner.Id);
        Assert.Equal(viaWeak.ConsentId, obligation.ConsentId);
        Assert.Equal(["user.contact"], obligation.Categories);
        Assert.Equal([_partner.Id, _weak.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
        Assert.Equal([("user.contact", HoldingStatus.DeletionDue), ("user.contact.email", HoldingStatus.Holding)], await PartnerHoldingsAsync(person));

        // Deleting the contact deletes the email in it: the holder gives up a copy it could have kept.
        var deleted = await _partner.DeleteAsync(obligation.Handle, ["user.contact"], obligation.ObligationId);

        Assert.Empty(deleted.Violations);
        Assert.Equal(ObligationStatus.Answered, (await person.GetObligations()).Single(o => o.Holder == _partner.Id).Status);
        Assert.Equal([("user.contact", HoldingStatus.Deleted), ("user.contact.email", HoldingStatus.Deleted)], await PartnerHoldingsAsync(person));
        Assert.Equal(ConsentStatus.Active, (await person.GetConsents()).Single(c => c.ConsentId == viaShop.ConsentId).Status);
    }

    [Fact]
    public async Task A_category_passed_on_from_a_copy_of_the_category_above_it_depends_on_that_copy_s_consent()
    {
        var person = _cluster.Person("p8-inherited-above");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);
        Assert.Empty(transfer.Violations);
        // A fresh cluster reads what the partner's copy depends on back from the holdings table.
        await _cluster.RestartAsync();
        await _cluster.Person("p8-inherited-above").RevokeConsent(consent.ConsentId);

        var obligations = await _cluster.Person("p8-inherited-above").GetObligations();
        Assert.Equal([_partner.Id, _shop.Id], obligations.Select(o => o.Holder).Order());
        var obligation = obligations.Single(o => o.Holder == _partner.Id);
        Assert.Equal((transfer.RecipientHandle, consent.ConsentId), (obligation.Handle, obligation.ConsentId));
        Assert.Equal(Contact, obligation.Categories);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_holder_s_copy_on_a_basis_other_than_consent_keeps_its_category_lawful_when_a_consent_ends()
    {
        var person = _cluster.Person("p8-own-basis");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, LegalBasis.Contract);
        // Reported by the partner first, its copy learns from the late transfer that it stands on the shop's contract.
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-own-basis", ["user.contact"]);
        await _shop.TransferAsync(consent.Handle, _partner.Id, ["user.contact"], Service, _terms, LegalBasis.Contract, id: "transfer-own-basis");

        await person.RevokeConsent(consent.ConsentId);
        Assert.Empty(await person.GetObligations());
        // A fresh cluster reads which copies stand on a basis of their own back from the holdings table.
        await _cluster.RestartAsync();
        person = _cluster.Person("p8-own-basis");
        // Passed on after the consent ended, the email comes from a contact the partner holds on the shop's contract.
        var late = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal(StatementResult.Recorded, late.Result);
        Assert.Empty(await person.GetObligations());
        Assert.All((await person.GetCustodyView()).Holders.SelectMany(h => h.Holdings), h => Assert.Equal(HoldingStatus.Holding, h.Status));
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_copy_collected_on_a_consent_that_covers_none_of_it_keeps_nothing_lawful_nor_does_what_is_passed_on_from_it()
    {
        var person = _cluster.Person("p8-unfounded");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);
        var unfounded = await _shop.CollectAsync(consent.Handle, Contact, ["marketing.advertising"]);
        await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);

        await person.RevokeConsent(consent.ConsentId);

        Assert.Equal(ViolationCodes.NoConsent, Assert.Single(unfounded.Violations).Code);
        // The email the consent did not cover was lawful only through the contact.
        Assert.Equal(["user.contact", "user.contact.email"], (await person.GetObligations()).Single(o => o.Holder == _shop.Id).Categories);
        Assert.Equal(Contact, (await person.GetObligations()).Single(o => o.Holder == _partner.Id).Categories);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_copy_passed_on_before_its_sender_s_transfer_was_reported_depends_on_the_consent_the_report_hands_down()
    {
        var person = _cluster.Person("p8-passed-on-early");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        // The partner reports its receipt and passes the email on before the shop reports the transfer.
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early", Contact);
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, consentId: consent.ConsentId, id: "transfer-early");

        await person.RevokeConsent(consent.ConsentId);

        var obligations = await person.GetObligations();
        Assert.Equal([cloud.Id, _partner.Id, _shop.Id], obligations.Select(o => o.Holder).Order());
        Assert.Equal(onward.RecipientHandle, obligations.Single(o => o.Holder == cloud.Id).Handle);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_consent_a_late_report_hands_down_reaches_every_hop_the_data_took_in_the_meantime()
    {
        var person = _cluster.Person("p8-passed-on-twice");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        using var backup = await new ProviderActor(_cluster, "backup.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);
        // The contact goes on as far as the backup, the email beneath it from the partner on, before the shop reports sending it.
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-2", ["user.contact"]);
        var toCloud = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        var toBackup = await cloud.TransferAsync(toCloud.RecipientHandle!, backup.Id, Contact, Service, _terms, LegalBasis.Contract);
        await _shop.TransferAsync(consent.Handle, _partner.Id, ["user.contact"], Service, _terms, consentId: consent.ConsentId, id: "transfer-early-2");
        // A fresh cluster reads what the copies depend on back from the holdings table.
        await _cluster.RestartAsync();
        person = _cluster.Person("p8-passed-on-twice");

        await person.RevokeConsent(consent.ConsentId);

        var obligations = await person.GetObligations();
        Assert.Equal([backup.Id, cloud.Id, _partner.Id, _shop.Id], obligations.Select(o => o.Holder).Order());
        Assert.Equal(toBackup.RecipientHandle, obligations.Single(o => o.Holder == backup.Id).Handle);
        Assert.All(obligations.Where(o => o.Holder == cloud.Id || o.Holder == backup.Id), o =>
        {
            Assert.Equal(consent.ConsentId, o.ConsentId);
            Assert.Equal(Contact, o.Categories);
        });
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_copy_passed_on_before_a_late_report_handed_it_an_ended_consent_must_be_deleted_by_its_holder()
    {
        var person = _cluster.Person("p8-passed-on-ended");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-ended", Contact);
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        await person.RevokeConsent(consent.ConsentId);
        _cluster.Clock.Advance(TimeSpan.FromDays(1));

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-early-ended");

        // The transfer, the partner's obligation, what the cloud's copy inherits, and the cloud's obligation.
        var obligation = (await person.GetObligations()).Single(o => o.Holder == cloud.Id);
        Assert.Equal((onward.RecipientHandle, consent.ConsentId, ObligationStatus.Due, transfer.Index + 3), (obligation.Handle, obligation.ConsentId, obligation.Status, (long?)obligation.DueIndex));
        Assert.Equal(Contact, obligation.Categories);
        Assert.Equal(transfer.Index + 1, (await person.GetObligations()).Single(o => o.Holder == _partner.Id).DueIndex);
        // The person hears of the cloud's obligation as of the partner's.
        var inbox = await person.GetInbox();
        foreach (var (holder, dueIndex) in new[] { (_partner.Id, transfer.Index!.Value + 1), (cloud.Id, obligation.DueIndex) })
        {
            var notice = Assert.Single(inbox, m => m.EntryIndex == dueIndex);
            Assert.Equal(("obligation.due", $"{holder} must delete your data"), (notice.Kind, notice.Title));
            Assert.Contains($"{holder} must now delete", notice.Body, StringComparison.Ordinal);
        }
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task The_custody_view_cites_the_late_report_and_what_it_handed_down_to_a_copy_passed_on_before()
    {
        var person = _cluster.Person("p8-passed-on-cited");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        var receipt = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-cited", Contact);
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, consentId: consent.ConsentId, id: "transfer-early-cited");

        // The transfer, then what the cloud's copy inherits.
        var handedDown = transfer.Index!.Value + 1;
        var entry = Assert.Single(await _cluster.Services.GetRequiredService<LedgerStore>().ReadEntriesAsync(handedDown, 1));
        Assert.Equal(StatementTypes.HoldingsInherited, LogEntry.FromLeaf(entry.Leaf).Type);
        // A fresh cluster reads the entry that handed the consent down back from the holdings table.
        await _cluster.RestartAsync();
        var view = await _cluster.Person("p8-passed-on-cited").GetCustodyView();
        // The late transfer completes the hop the partner reported first, and proves it with the receipt.
        var atPartner = view.Holders.Single(h => h.Holder == _partner.Id).Holdings.Single();
        Assert.Equal([receipt.Index!.Value, transfer.Index!.Value], atPartner.Chain.Single().Evidence.Order());
        // The cloud's copy came by the partner's transfer, and depends on the consent since the entry that handed it down.
        var atCloud = view.Holders.Single(h => h.Holder == cloud.Id).Holdings.Single();
        Assert.Equal([onward.Index!.Value, handedDown], atCloud.Evidence);
        Assert.Equal([onward.Index!.Value], atCloud.Chain[^1].Evidence);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task The_custody_view_cites_what_a_late_report_handed_down_to_an_older_copy_its_holder_still_holds()
    {
        var person = _cluster.Person("p8-older-copy-cited");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        var receipt = await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-older", Contact);
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        // The cloud then collects the same category itself: the copy the view shows is this later one.
        var own = await person.GrantConsent(cloud.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, cloud.Now.AddDays(30)));
        var collected = await cloud.CollectAsync(own.Handle, Contact, Service, consentId: own.ConsentId);

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, consentId: consent.ConsentId, id: "transfer-early-older");

        // The transfer, then what the cloud's older copy inherits.
        var handedDown = transfer.Index!.Value + 1;
        var entry = Assert.Single(await _cluster.Services.GetRequiredService<LedgerStore>().ReadEntriesAsync(handedDown, 1));
        Assert.Equal(StatementTypes.HoldingsInherited, LogEntry.FromLeaf(entry.Leaf).Type);
        var live = (await person.GetCustodyView()).Holders.Single(h => h.Holder == cloud.Id).Holdings.Single();
        // The view shows the collected copy, and proves the older one too: the hops it came by, and what it depends on.
        Assert.Empty(live.Chain);
        long[] evidence = [receipt.Index!.Value, onward.Index!.Value, collected.Index!.Value, transfer.Index!.Value, handedDown];
        Assert.Equal(evidence, live.Evidence);
        // A fresh cluster reads the same back from the holdings table.
        await _cluster.RestartAsync();
        var loaded = (await _cluster.Person("p8-older-copy-cited").GetCustodyView()).Holders.Single(h => h.Holder == cloud.Id).Holdings.Single();
        Assert.Equal((live.Since, live.Status), (loaded.Since, loaded.Status));
        Assert.Equal(evidence, loaded.Evidence);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task The_custody_view_cites_no_older_copy_its_holder_deleted()
    {
        var person = _cluster.Person("p8-older-copy-deleted");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var first = await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        var second = await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        var deleted = await _shop.DeleteAsync(consent.Handle, Contact);
        var again = await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);

        var holding = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _shop.Id).Holdings.Single();

        Assert.Equal(HoldingStatus.Holding, holding.Status);
        // The copies the deletion ended are no longer held, whatever made them.
        Assert.DoesNotContain(holding.Evidence, index => index == first.Index || index == second.Index || index == deleted.Index);
        Assert.Equal([again.Index!.Value], holding.Evidence);
    }

    [Fact]
    public async Task The_custody_view_says_which_consents_each_holding_depends_on_and_which_stands_on_a_basis_of_its_own()
    {
        var person = _cluster.Person("p8-depends-on");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            ["user.contact"], [.. Service], new OnwardTransfer(true, [_partner.Id], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, ["user.contact"], Service, consentId: consent.ConsentId);
        await _shop.CollectAsync(consent.Handle, ["user.name"], Service, LegalBasis.Contract);
        var allowed = await _shop.TransferAsync(consent.Handle, _partner.Id, ["user.contact"], Service, _terms, consentId: consent.ConsentId);
        await _shop.TransferAsync(consent.Handle, _partner.Id, ["user.name"], Service, _terms, LegalBasis.Contract);
        // Passed on on a contract, the email inherits the consent the partner's contact depends on, but no basis of its own.
        await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        Assert.Empty(allowed.Violations);

        var view = await person.GetCustodyView();

        Assert.Equal(consent.ConsentId, view.Holders.Single(h => h.Holder == _partner.Id).Holdings.Single(h => h.Category == "user.contact").Chain.Single().AllowedBy);
        (string, string, string, bool)[] expected =
        [
            (_shop.Id, "user.contact", consent.ConsentId, false),
            (_shop.Id, "user.name", "", true),
            (_partner.Id, "user.contact", consent.ConsentId, false),
            (_partner.Id, "user.name", "", true),
            (cloud.Id, "user.contact.email", consent.ConsentId, false),
        ];
        Assert.Equal(expected, Bases(view));

        // Withdrawing the consent obliges exactly the holders of the holdings that depend on it alone to delete them.
        await person.RevokeConsent(consent.ConsentId);
        var obligations = await person.GetObligations();
        Assert.Equal(
            [(_shop.Id, "user.contact"), (_partner.Id, "user.contact"), (cloud.Id, "user.contact.email")],
            obligations.SelectMany(o => o.Categories.Select(category => (o.Holder, category))).OrderBy(o => o.Holder == _shop.Id ? 0 : o.Holder == _partner.Id ? 1 : 2));
        Assert.All(obligations, o => Assert.Equal(consent.ConsentId, o.ConsentId));
        // Until they delete, the holdings still depend on it: the view says why each must.
        Assert.Equal(expected, Bases(await person.GetCustodyView()));
        // A fresh cluster reads the same back from the holdings table.
        await _cluster.RestartAsync();
        Assert.Equal(expected, Bases(await _cluster.Person("p8-depends-on").GetCustodyView()));
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task The_custody_view_says_a_holding_depends_on_the_consents_of_every_copy_its_holder_still_holds_and_on_none_once_deleted()
    {
        var person = _cluster.Person("p8-depends-on-two");
        var (viaShop, viaWeak) = await PartnerHoldsUnderTwoConsentsAsync(person, fromShop: Contact, fromWeak: Contact);
        var partnerHandle = await person.GetHandle(_partner.Id);

        var both = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single();
        await _cluster.RestartAsync();
        var loaded = (await _cluster.Person("p8-depends-on-two").GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single();
        await _partner.DeleteAsync(partnerHandle, Contact);
        var deleted = (await _cluster.Person("p8-depends-on-two").GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single();

        // The view shows the latest copy, from the weak provider, but the partner holds the shop's too: the oldest copy's consent first.
        Assert.Equal(_weak.Id, both.Chain.Single().From);
        Assert.Equal([viaShop.ConsentId, viaWeak.ConsentId], both.DependsOn);
        Assert.Equal([viaShop.ConsentId, viaWeak.ConsentId], loaded.DependsOn);
        Assert.False(both.OnOwnBasis);
        Assert.Equal(HoldingStatus.Deleted, deleted.Status);
        Assert.Empty(deleted.DependsOn);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_holding_is_held_since_the_oldest_copy_its_holder_still_holds_shows_its_route_and_starts_anew_after_a_deletion()
    {
        var person = _cluster.Person("p8-held-since");
        var toPartner = new OnwardTransfer(true, [_partner.Id], null, []);
        var viaShop = await person.GrantConsent(_shop.Id, new ConsentTerms([.. Contact], [.. Service], toPartner, 30, _shop.Now.AddDays(30)));
        var viaWeak = await person.GrantConsent(_weak.Id, new ConsentTerms([.. Contact], [.. Service], toPartner, 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(viaShop.Handle, Contact, Service, consentId: viaShop.ConsentId);
        await _weak.CollectAsync(viaWeak.Handle, Contact, Service, consentId: viaWeak.ConsentId);
        var partnerHandle = await person.GetHandle(_partner.Id);
        async Task<HoldingView> PartnersAsync() =>
            (await _cluster.Person("p8-held-since").GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single();

        await _shop.TransferAsync(viaShop.Handle, _partner.Id, Contact, Service, _terms, consentId: viaShop.ConsentId);
        var once = await PartnersAsync();
        _cluster.Clock.Advance(TimeSpan.FromDays(1));
        await _weak.TransferAsync(viaWeak.Handle, _partner.Id, Contact, Service, _terms, consentId: viaWeak.ConsentId);
        var twice = await PartnersAsync();
        _cluster.Clock.Advance(TimeSpan.FromDays(1));
        await _partner.DeleteAsync(partnerHandle, Contact);
        var deleted = await PartnersAsync();
        _cluster.Clock.Advance(TimeSpan.FromDays(1));
        await _shop.TransferAsync(viaShop.Handle, _partner.Id, Contact, Service, _terms, consentId: viaShop.ConsentId);
        await _cluster.RestartAsync();
        var anew = await PartnersAsync();

        // The latest copy came from the weak provider a day later, but the partner had the shop's all along.
        Assert.Equal((_weak.Id, once.Since), (twice.Chain.Single().From, twice.Since));
        // The latest copy's chain shows the weak provider's route; the shop's copy shows as an earlier one.
        var earlier = Assert.Single(twice.EarlierCopies);
        Assert.Equal((once.Since, _shop.Id), (earlier.Since, earlier.Chain.Single().From));
        Assert.Empty(once.EarlierCopies);
        Assert.Equal((HoldingStatus.Deleted, once.Since), (deleted.Status, deleted.Since));
        Assert.Empty(deleted.EarlierCopies);
        Assert.Equal(HoldingStatus.Holding, anew.Status);
        Assert.Empty(anew.EarlierCopies);
        Assert.InRange(anew.Since - once.Since, TimeSpan.FromDays(3), TimeSpan.FromDays(3.01));
        await AssertRebuildEqualsLiveAsync();
    }

    // What each holding of a view depends on, by holder and category; the consents as one string, which compares by value.
    private static (string Holder, string Category, string DependsOn, bool OnOwnBasis)[] Bases(CustodyView view) =>
        [.. view.Holders.SelectMany(h => h.Holdings.Select(holding => (h.Holder, holding.Category, string.Join(' ', holding.DependsOn), holding.OnOwnBasis)))];

    [Fact]
    public async Task A_copy_passed_on_on_a_consent_not_found_before_a_late_report_depends_on_the_consents_handed_down_but_not_on_the_basis()
    {
        var person = _cluster.Person("p8-passed-on-unconsented");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        // The shop holds the email on the consent and on a contract of its own.
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        await _shop.CollectAsync(consent.Handle, Contact, Service, LegalBasis.Contract);
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-unconsented", Contact);
        // The partner passes the email on claiming a consent the person never gave it: the cloud's copy inherits the partner's.
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms);
        // A fresh cluster reads the hops back from the hops table.
        await _cluster.RestartAsync();
        person = _cluster.Person("p8-passed-on-unconsented");
        await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-early-unconsented");

        await person.RevokeConsent(consent.ConsentId);

        Assert.Contains(onward.Violations, v => v.Code == ViolationCodes.NoConsent);
        // The partner holds the email on the shop's contract as the shop does; a transfer on a consent not found
        // passes on the consents its sender's copies depend on, never a basis of their own.
        var obligation = Assert.Single(await person.GetObligations());
        Assert.Equal((cloud.Id, onward.RecipientHandle, consent.ConsentId), (obligation.Holder, obligation.Handle, obligation.ConsentId));
        Assert.Equal(Contact, obligation.Categories);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_holder_a_late_report_reaches_by_two_routes_must_delete_its_copies_once()
    {
        var person = _cluster.Person("p8-passed-on-diamond");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        using var backup = await new ProviderActor(_cluster, "backup.example").JoinAsync("JP", level: 3);
        using var archive = await new ProviderActor(_cluster, "archive.example").JoinAsync("JP", level: 3);
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        var partnerHandle = await person.GetHandle(_partner.Id);
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        // The email goes from the partner to the archive through the cloud and through the backup before the shop reports sending it.
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-diamond", Contact);
        var toCloud = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);
        var toBackup = await _partner.TransferAsync(partnerHandle, backup.Id, Contact, Service, _terms, LegalBasis.Contract);
        var viaCloud = await cloud.TransferAsync(toCloud.RecipientHandle!, archive.Id, Contact, Service, _terms, LegalBasis.Contract);
        var viaBackup = await backup.TransferAsync(toBackup.RecipientHandle!, archive.Id, Contact, Service, _terms, LegalBasis.Contract);
        await person.RevokeConsent(consent.ConsentId);

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-early-diamond");

        Assert.Equal(StatementResult.Recorded, transfer.Result);
        var obligations = await person.GetObligations();
        Assert.Equal([archive.Id, backup.Id, cloud.Id, _partner.Id, _shop.Id], obligations.Select(o => o.Holder).Order());
        Assert.Equal(Contact, obligations.Single(o => o.Holder == archive.Id).Categories);
        // Both of the archive's copies learned the consent, each by a holdings.inherited of its own hop.
        await using (var connection = await _cluster.Services.GetRequiredService<Database>().OpenAsync())
        {
            var archived = await connection.QueryAsync<HoldingRow>("SELECT * FROM holdings WHERE handle = @Handle", new { Handle = viaCloud.RecipientHandle });
            Assert.Equal([viaCloud.Index, viaBackup.Index], archived.Select(copy => copy.ViaHop).Order());
            Assert.All(archived, copy => Assert.Equal([consent.ConsentId], HoldingRoots.Of(copy)));
        }
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_late_report_hands_down_every_consent_however_many_the_copies_depend_on()
    {
        var person = _cluster.Person("p8-passed-on-many");
        using var cloud = await new ProviderActor(_cluster, "cloud.example").JoinAsync("JP", level: 3);
        var partnerHandle = await person.GetHandle(_partner.Id);
        // The shop holds the email under more consents than a provider's statement may name for a category.
        var consents = new List<string>();
        for (var i = 0; i < 70; i++)
        {
            var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
                [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
            Assert.Empty((await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId)).Violations);
            consents.Add(consent.ConsentId);
        }
        var shopHandle = await person.GetHandle(_shop.Id);
        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-early-many", Contact);
        var onward = await _partner.TransferAsync(partnerHandle, cloud.Id, Contact, Service, _terms, LegalBasis.Contract);

        var transfer = await _shop.TransferAsync(shopHandle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-early-many");

        Assert.Equal(StatementResult.Recorded, transfer.Result);
        await using (var connection = await _cluster.Services.GetRequiredService<Database>().OpenAsync())
        {
            var copy = await connection.QuerySingleAsync<HoldingRow>("SELECT * FROM holdings WHERE handle = @Handle", new { Handle = onward.RecipientHandle });
            Assert.Equal(consents, HoldingRoots.Of(copy));
        }
        // The person's grain has the cloud's copy depend on every one: lawful until the last of them ends.
        foreach (var consent in consents[..^1])
        {
            await person.RevokeConsent(consent);
        }
        Assert.DoesNotContain(await person.GetObligations(), o => o.Holder == cloud.Id);
        await person.RevokeConsent(consents[^1]);
        Assert.Equal(consents[^1], (await person.GetObligations()).Single(o => o.Holder == cloud.Id).ConsentId);
        await AssertRebuildEqualsLiveAsync();
    }

    private async Task<(string Category, HoldingStatus Status)[]> PartnerHoldingsAsync(ICitizenGrain person) =>
        [.. (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Select(h => (h.Category, h.Status))];

    // The partner gets the person's data by two routes: from the shop under one consent, from the weak provider under another.
    private async Task<(ConsentView ViaShop, ConsentView ViaWeak)> PartnerHoldsUnderTwoConsentsAsync(ICitizenGrain person, string[] fromShop, string[] fromWeak)
    {
        var toPartner = new OnwardTransfer(true, [_partner.Id], null, []);
        var viaShop = await person.GrantConsent(_shop.Id, new ConsentTerms([.. fromShop], [.. Service], toPartner, 30, _shop.Now.AddDays(30)));
        var viaWeak = await person.GrantConsent(_weak.Id, new ConsentTerms([.. fromWeak], [.. Service], toPartner, 30, _shop.Now.AddDays(30)));
        foreach (var (sender, consent, categories) in new[] { (_shop, viaShop, fromShop), (_weak, viaWeak, fromWeak) })
        {
            Assert.Empty((await sender.CollectAsync(consent.Handle, categories, Service, consentId: consent.ConsentId)).Violations);
            var transfer = await sender.TransferAsync(consent.Handle, _partner.Id, categories, Service, _terms, consentId: consent.ConsentId);
            Assert.DoesNotContain(transfer.Violations, v => v.Code == ViolationCodes.NoConsent);
        }
        return (viaShop, viaWeak);
    }

    [Fact]
    public async Task A_handle_whose_issue_was_not_logged_is_of_no_use()
    {
        var person = _cluster.Person("p15");
        _cluster.Projector.FailNextTransaction();
        await Assert.ThrowsAnyAsync<Exception>(() => person.GetHandle(_shop.Id));
        var secret = (await _cluster.Services.GetRequiredService<PersonRegistry>().FindAsync("p15"))!.Secret!;
        var handle = PairwiseHandle.Derive(secret, _shop.Id);

        // As after a crash: nothing remembered but what the database holds.
        await _cluster.RestartAsync();
        var refused = await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);
        var reissued = await _cluster.Person("p15").GetHandle(_shop.Id);
        var collected = await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);

        Assert.Equal((StatementResult.Rejected, "handle"), (refused.Result, refused.Field));
        Assert.Equal(handle, reissued);
        Assert.Equal(StatementResult.Recorded, collected.Result);
        await using var connection = await _cluster.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(1, await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM handles WHERE handle = @handle", new { handle }));
    }

    [Fact]
    public async Task A_consent_past_its_expiry_has_ended_before_the_sweep_logs_it()
    {
        var person = _cluster.Person("p16");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        _cluster.Clock.Advance(TimeSpan.FromDays(31));

        var transfer = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal(ConsentStatus.Expired, (await person.GetConsents()).Single().Status);
        Assert.Equal(ConsentStatus.Expired, (await _shop.Grain.GetHeldConsents()).Single(c => c.ConsentId == consent.ConsentId).Status);
        await Assert.ThrowsAsync<ArgumentException>(() => person.RevokeConsent(consent.ConsentId));
        var obligation = Assert.Single(await person.GetObligations());
        Assert.Equal((_partner.Id, consent.ConsentId, transfer.Index!.Value + 1), (obligation.Holder, obligation.ConsentId, obligation.DueIndex));
        Assert.Equal(HoldingStatus.DeletionDue, (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Status);

        // The sweep logs the expiry and obliges the shop; the partner owes its deletion once.
        await _cluster.Grains.GetGrain<IDeadlineSweeperGrain>(0).Sweep();
        Assert.Equal([_partner.Id, _shop.Id], (await person.GetObligations()).Select(o => o.Holder).Order());
    }

    [Fact]
    public async Task A_recipient_given_again_a_copy_it_owes_is_not_obliged_again()
    {
        var person = _cluster.Person("p16-again");
        var consent = await person.GrantConsent(_shop.Id, new ConsentTerms(
            [.. Contact], [.. Service], new OnwardTransfer(false, [], null, []), 30, _shop.Now.AddDays(30)));
        await _shop.CollectAsync(consent.Handle, Contact, Service, consentId: consent.ConsentId);
        await person.RevokeConsent(consent.ConsentId);
        var first = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);
        var owed = (await person.GetObligations()).Single(o => o.Holder == _partner.Id);

        var again = await _shop.TransferAsync(consent.Handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract);

        Assert.Equal([StatementResult.Recorded, StatementResult.Recorded], new[] { first.Result, again.Result });
        Assert.Equal([owed.ObligationId], (await person.GetObligations()).Where(o => o.Holder == _partner.Id).Select(o => o.ObligationId));
        Assert.Equal(HoldingStatus.DeletionDue, (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Status);
        // Answering it deletes both copies.
        Assert.Empty((await _partner.DeleteAsync(owed.Handle, Contact, owed.ObligationId)).Violations);
        Assert.Equal(ObligationStatus.Answered, (await person.GetObligations()).Single(o => o.Holder == _partner.Id).Status);
        Assert.Equal(HoldingStatus.Deleted, (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Status);
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_receipt_naming_a_transfer_of_another_person_stays_one_sided_whatever_the_order()
    {
        var alice = _cluster.Person("p9a");
        var bob = _cluster.Person("p9b");
        var aliceHandle = await alice.GetHandle(_shop.Id);
        var bobAtPartner = await bob.GetHandle(_partner.Id);
        var bobHandle = await bob.GetHandle(_shop.Id);

        var sent = await _shop.TransferAsync(aliceHandle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-9");
        var wrongPerson = await _partner.ReceiveAsync(bobAtPartner, _shop.Id, "transfer-9", Contact);
        var receiptFirst = await _partner.ReceiveAsync(bobAtPartner, _shop.Id, "transfer-10", Contact);
        var thenSent = await _shop.TransferAsync(aliceHandle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-10");
        var other = await _shop.CollectAsync(bobHandle, Contact, Service, LegalBasis.Contract);

        Assert.All(new[] { sent, wrongPerson, receiptFirst, thenSent, other }, o => Assert.Equal(StatementResult.Recorded, o.Result));
        Assert.All((await alice.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain, hop => Assert.False(hop.Confirmed));
        Assert.All((await bob.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain, hop => Assert.False(hop.Confirmed));
    }

    [Fact]
    public async Task A_transfer_to_another_recipient_than_a_receipt_named_gets_a_hop_and_handle_of_its_own()
    {
        var person = _cluster.Person("p10");
        var handle = await person.GetHandle(_shop.Id);
        var partnerHandle = await person.GetHandle(_partner.Id);

        await _partner.ReceiveAsync(partnerHandle, _shop.Id, "transfer-11", Contact);
        var toWeak = await _shop.TransferAsync(handle, _weak.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-11");

        Assert.Equal(await person.GetHandle(_weak.Id), toWeak.RecipientHandle);
        Assert.NotEqual(partnerHandle, toWeak.RecipientHandle);
        var view = await person.GetCustodyView();
        Assert.Contains(view.Holders, h => h.Holder == _weak.Id);
        Assert.False(view.Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain.Single().Confirmed);
    }

    [Fact]
    public async Task A_retry_after_the_key_was_retired_returns_the_original_result()
    {
        var handle = await _cluster.Person("p11").GetHandle(_shop.Id);
        var statement = new DataCollected(_shop.NextId(), _shop.Now, _shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null);
        var first = await _shop.SubmitAsync(statement);

        await _shop.Grain.RetireKey(_shop.Kid, statement.IssuedAt);
        var retry = await _shop.SubmitAsync(statement);

        Assert.Equal((StatementResult.Duplicate, first.Index), (retry.Result, retry.Index));
    }

    [Fact]
    public async Task A_batch_about_one_person_is_judged_statement_by_statement_and_logged_as_one_run_of_entries()
    {
        var person = _cluster.Person("p12");
        var handle = await person.GetHandle(_shop.Id);
        var transfer = new DataTransferred(_shop.NextId(), _shop.Now, _shop.Id, handle, _partner.Id, [.. Contact], [.. Service], LegalBasis.Contract, null, _terms);
        ProviderStatement[] batch =
        [
            new DataCollected(_shop.NextId(), _shop.Now, _shop.Id, handle, [.. Contact], [.. Service], LegalBasis.Contract, null),
            transfer,
            new DataDeleted(_shop.NextId(), _shop.Now, _shop.Id, handle, [.. Contact], null),
            transfer with { Id = _shop.NextId() },
        ];

        var outcomes = await _shop.Grain.Submit([.. batch.Select(s => _shop.Sign(s))]);

        Assert.All(outcomes, o => Assert.Equal(StatementResult.Recorded, o.Result));
        // The first transfer saw the collection before it, the second the deletion.
        Assert.Empty(outcomes[1].Violations);
        Assert.Equal(["not-held"], outcomes[3].Violations.Select(v => v.Code));
        // The partner's handle is issued just before the first transfer, which needs it, and the second reuses it.
        var partnerHandle = await person.GetHandle(_partner.Id);
        Assert.Equal((partnerHandle, partnerHandle), (outcomes[1].RecipientHandle, outcomes[3].RecipientHandle));
        var first = outcomes[0].Index!.Value;
        Assert.Equal([first, first + 2, first + 3, first + 4], outcomes.Select(o => o.Index!.Value));
        // What the person's grain keeps carries the indices the entries were logged at.
        var view = await person.GetCustodyView();
        Assert.Equal(first + 4, view.Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain.Single().HopId);
        Assert.Equal([first, first + 3], view.Holders.Single(h => h.Holder == _shop.Id).Holdings.Single().Evidence);
    }

    [Fact]
    public async Task A_second_receipt_of_a_transfer_in_the_same_batch_is_refused()
    {
        var person = _cluster.Person("p13");
        var handle = await person.GetHandle(_shop.Id);
        var partnerHandle = await person.GetHandle(_partner.Id);
        var transfer = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, _terms, LegalBasis.Contract, id: "transfer-13");
        var receipt = new DataReceived(_partner.NextId(), _partner.Now, _partner.Id, partnerHandle, _shop.Id, "transfer-13", [.. Contact], "from the shop");

        var outcomes = await _partner.Grain.Submit([_partner.Sign(receipt), _partner.Sign(receipt with { Id = _partner.NextId() })]);

        Assert.Equal(StatementResult.Recorded, outcomes[0].Result);
        Assert.Equal((StatementResult.Rejected, "transferId"), (outcomes[1].Result, outcomes[1].Field));
        Assert.Equal($"Transfer transfer-13 of {_shop.Id} was confirmed by an earlier statement of this batch.", outcomes[1].Reason);
        var hop = (await person.GetCustodyView()).Holders.Single(h => h.Holder == _partner.Id).Holdings.Single().Chain.Single();
        Assert.True(hop.Confirmed);
        Assert.Equal(transfer.Index, hop.HopId);
        Assert.Equal([transfer.Index!.Value, outcomes[0].Index!.Value], hop.Evidence.Order());
    }

    [Fact]
    public async Task Terms_that_neither_side_declared_are_flagged_until_one_declares_them()
    {
        var handle = await _cluster.Person("p14").GetHandle(_shop.Id);
        await _shop.CollectAsync(handle, Contact, Service, LegalBasis.Contract);
        var terms = ProviderActor.TermsSha256("Late contract", deletionDays: 5);

        var before = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, terms, LegalBasis.Contract);
        Assert.Equal(terms, await _partner.DeclareTermsAsync("Late contract", deletionDays: 5));
        var after = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, terms, LegalBasis.Contract);
        var again = await _shop.TransferAsync(handle, _partner.Id, Contact, Service, terms, LegalBasis.Contract);

        Assert.Equal(["unknown-terms"], before.Violations.Select(v => v.Code));
        Assert.Empty(after.Violations);
        Assert.Empty(again.Violations);
    }
}
