using System.Text.Json;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// Changes applied tentatively, while a batch of statements is judged, are exactly the changes
/// applied for real while the scope lasts, and leave nothing behind once it ends.
/// </summary>
public sealed class PersonModelTests
{
    private const string Shop = "shop.example";
    private const string Partner = "partner.example";

    /// <summary>A person who dealt with the shop and its partner: one of every row the model keeps.</summary>
    private static readonly ProjectionChange[] History =
    [
        new RowAdded(new HandleRow { Handle = "h-shop", ProviderId = Shop, EntryIndex = 1 }),
        new RowAdded(new HandleRow { Handle = "h-partner", ProviderId = Partner, EntryIndex = 2 }),
        new RowAdded(Consent("c-1", 3)),
        new RowAdded(Request("r-1", 4)),
        new RowAdded(Holding(Shop, "h-shop", "user.name", 5, hop: null) with { RootConsentId = "c-1" }),
        new RowAdded(Holding(Shop, "h-shop", "user.contact.email", 5, hop: null)),
        new RowAdded(Hop(6, sender: Shop, transferId: "t-1", received: false)),
        new RowAdded(Holding(Partner, "h-partner", "user.name", 6, hop: 6)),
        new RowAdded(Hop(7, sender: "cloud.example", transferId: "t-2", received: true)),
        new RowAdded(Holding(Partner, "h-partner", "user.contact.email", 7, hop: 7)),
        new RowAdded(Obligation("o-1", 8)),
    ];

    public static TheoryData<string, ProjectionChange[]> TentativeChanges => new()
    {
        { "a handle", [new RowAdded(new HandleRow { Handle = "h-cloud", ProviderId = "cloud.example", EntryIndex = -1 })] },
        { "a consent and a decided request", [new RowAdded(Consent("c-2", -1) with { RequestId = "r-1" }), new RequestDecided("r-1", "approved", -1)] },
        { "a request", [new RowAdded(Request("r-2", -1))] },
        { "an ended consent", [new ConsentEnded("c-1", "revoked", -1)] },
        { "a new hop and its copy", [new RowAdded(Hop(-1, sender: Shop, transferId: "t-3", received: false)), new RowAdded(Holding(Partner, "h-partner", "user.contact.email", -1, hop: -1))] },
        { "a hop of a known transfer", [new RowAdded(Hop(-1, sender: Shop, transferId: "t-1", received: false) with { RecipientHandle = "h-other" })] },
        { "a copy of a new holder", [new RowAdded(Holding("cloud.example", "h-cloud", "user.name", -1, hop: null))] },
        { "a confirmed hop", [new HopConfirmed(6, "h-partner", 1_000, -1, "from the shop")] },
        { "a completed hop and the copies it hands its consent", [new HopCompleted(Hop(7, sender: "cloud.example", transferId: "t-2", received: true) with { TransferIndex = -1, ConsentId = "c-1" }), new HoldingsInherited(7, "c-1", null, null, "terms")] },
        { "a completed hop and the copies it hands the sender's consents", [new HopCompleted(Hop(7, sender: "cloud.example", transferId: "t-2", received: true) with { TransferIndex = -1 }), new HoldingsInherited(7, null, [new InheritedRoots("user.contact.email", ["c-1", "c-2"])], null, "terms")] },
        { "a completed hop and the copies it hands the sender's basis", [new HopCompleted(Hop(7, sender: "cloud.example", transferId: "t-2", received: true) with { TransferIndex = -1 }), new HoldingsInherited(7, null, null, ["user.contact.email"], "terms")] },
        { "copies a late report hands its consents and basis down to", [new CopiesHandedDown(6, [new InheritedCategory("user.name", ["c-1", "c-2"], true)], -1)] },
        { "released copies", [new HoldingsReleased(Shop, "h-shop", ["user.name"], -1, 1_000)] },
        { "every copy released and then a new one", [new HoldingsReleased(Shop, "h-shop", ["user.name", "user.contact.email"], -1, 1_000), new RowAdded(Holding(Shop, "h-shop", "user.name", -2, hop: null))] },
        { "an obligation, answered", [new RowAdded(Obligation("o-2", -1)), new ObligationAnswered("o-2", -2)] },
        { "an overdue obligation", [new ObligationWentOverdue("o-1", -1)] },
    };

    [Theory]
    [MemberData(nameof(TentativeChanges))]
    public void Changes_applied_tentatively_are_as_if_applied_and_taken_back_leave_nothing(string what, ProjectionChange[] changes)
    {
        var model = Model(History);
        var before = Fingerprint(model);

        string during;
        using (model.Tentatively())
        {
            foreach (var change in changes)
            {
                model.Apply(change);
            }
            during = Fingerprint(model);
        }

        Assert.Equal(Fingerprint(Model([.. History, .. changes])), during);
        Assert.NotEqual(before, during);
        Assert.True(before == Fingerprint(model), $"Taking back {what} left the model changed.");
    }

    [Fact]
    public void A_holder_s_current_copies_answer_by_category_with_every_consent_they_depend_on()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Holding(Shop, "h-shop", "user.contact.email", 9, hop: null) with { RootConsentId = "c-2" }),
            new RowAdded(Holding(Shop, "h-shop", "user.name", 10, hop: null) with { RootConsentId = "c-3", FurtherRootConsentIds = "[\"c-1\",\"c-4\"]" }),
        ]);

        Assert.Equal(["user.contact.email", "user.name"], model.HeldCategories(Shop, "h-shop").Order(StringComparer.Ordinal));
        Assert.Equal(["c-1", "c-3", "c-4"], model.RootsOf(Shop, "h-shop", "user.name"));
        Assert.Equal(["c-2"], model.RootsOf(Shop, "h-shop", "user.contact.email"));

        model.Apply(new HoldingsReleased(Shop, "h-shop", ["user.name"], 11, 1_000));

        Assert.Equal(["user.contact.email"], model.HeldCategories(Shop, "h-shop"));
        Assert.Empty(model.RootsOf(Shop, "h-shop", "user.name"));
        Assert.Empty(model.HeldCategories(Partner, "h-shop"));
        Assert.Equal([11L, 11L], model.Holdings.Where(h => h.Holder == Shop && h.Category == "user.name").Select(h => h.ReleasedIndex ?? -1));
    }

    [Fact]
    public void A_holder_s_copies_of_a_category_answer_for_the_categories_beneath_it_but_not_above()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Holding(Shop, "h-shop", "user.contact", 9, hop: null) with { RootConsentId = "c-2" }),
            new RowAdded(Holding(Shop, "h-shop", "user.contact.email", 10, hop: null) with { RootConsentId = "c-3" }),
        ]);

        Assert.Equal(["c-2", "c-3"], model.RootsOf(Shop, "h-shop", "user.contact.email"));
        Assert.Equal(["c-2"], model.RootsOf(Shop, "h-shop", "user.contact"));
        Assert.Equal(["c-2"], model.RootsOf(Shop, "h-shop", "user.contact.phone_number"));
        Assert.Equal(["c-1"], model.RootsOf(Shop, "h-shop", "user.name"));
    }

    [Fact]
    public void A_holder_s_copy_on_a_basis_of_its_own_holds_the_categories_beneath_it_on_that_basis_but_not_above()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Holding(Shop, "h-shop", "user.contact", 9, hop: null) with { OnOwnBasis = true }),
        ]);

        Assert.True(model.HoldsOnOwnBasis(Shop, "h-shop", "user.contact"));
        Assert.True(model.HoldsOnOwnBasis(Shop, "h-shop", "user.contact.email"));
        Assert.False(model.HoldsOnOwnBasis(Shop, "h-shop", "user"));
        Assert.False(model.HoldsOnOwnBasis(Shop, "h-shop", "user.name"));
        Assert.False(model.HoldsOnOwnBasis(Partner, "h-partner", "user.contact.email"));
    }

    [Fact]
    public void Copies_a_late_transfer_completes_inherit_the_consents_of_their_own_category()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Holding(Partner, "h-partner", "user.name", 7, hop: 7)),
            new HoldingsInherited(7, null, [new InheritedRoots("user.name", ["c-1", "c-2"])], ["user.name"], "terms"),
        ]);

        Assert.Equal(["c-1", "c-2"], model.RootsOf(Partner, "h-partner", "user.name"));
        Assert.True(model.HoldsOnOwnBasis(Partner, "h-partner", "user.name"));
        Assert.Empty(model.RootsOf(Partner, "h-partner", "user.contact.email"));
        Assert.False(model.HoldsOnOwnBasis(Partner, "h-partner", "user.contact.email"));
        Assert.All(model.Holdings.Where(h => h.ViaHop == 7), h => Assert.Equal("terms", h.TermsSha256));
    }

    [Fact]
    public void Copies_passed_on_before_a_late_report_learn_what_it_hands_down_for_their_own_category()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Holding(Partner, "h-partner", "user.contact.email", 6, hop: 6) with { RootConsentId = "c-0" }),
            new CopiesHandedDown(6, [new InheritedCategory("user.name", ["c-1", "c-2"], true), new InheritedCategory("user.contact.email", ["c-0", "c-1"], false)], 9),
        ]);

        Assert.Equal(["c-1", "c-2"], model.RootsOf(Partner, "h-partner", "user.name"));
        Assert.True(model.HoldsOnOwnBasis(Partner, "h-partner", "user.name"));
        Assert.Equal(["c-0", "c-1"], model.RootsOf(Partner, "h-partner", "user.contact.email"));
        Assert.False(model.HoldsOnOwnBasis(Partner, "h-partner", "user.contact.email"));
        Assert.All(model.Holdings.Where(h => h.ViaHop == 6), h => Assert.Equal(9, h.HandedDownIndex));
        // The copy of the same category that came by another hop keeps what it depended on.
        Assert.Empty(HoldingRoots.Of(model.Holdings.Single(h => h.ViaHop == 7)));
        Assert.Null(model.Holdings.Single(h => h.ViaHop == 7).HandedDownIndex);
    }

    [Fact]
    public void A_sender_s_reported_hops_are_those_of_its_handle_the_oldest_first_a_late_report_included()
    {
        var model = Model(
        [
            .. History,
            new RowAdded(Hop(9, sender: Shop, transferId: "t-4", received: false)),
            new RowAdded(Hop(10, sender: Shop, transferId: "t-5", received: true)),
            new HopCompleted(Hop(7, sender: "cloud.example", transferId: "t-2", received: true) with { SenderHandle = "h-cloud", TransferIndex = 11 }),
            new HopCompleted(Hop(10, sender: Shop, transferId: "t-5", received: true) with { SenderHandle = "h-shop", TransferIndex = 12 }),
        ]);

        Assert.Equal([6L, 9, 10], model.HopsReportedBy(Shop, "h-shop").Select(h => h.HopId));
        Assert.Equal([7L], model.HopsReportedBy("cloud.example", "h-cloud").Select(h => h.HopId));
        Assert.Empty(model.HopsReportedBy(Shop, "h-other"));
        Assert.Empty(model.HopsReportedBy(Partner, "h-partner"));
    }

    [Fact]
    public void Changes_after_the_scope_ends_are_kept()
    {
        var model = Model(History);
        using (model.Tentatively())
        {
            model.Apply(new ConsentEnded("c-1", "revoked", -1));
        }

        model.Apply(new ConsentEnded("c-1", "expired", 9));

        Assert.Equal(("expired", 9L), (model.Consents["c-1"].Status, model.Consents["c-1"].EndedIndex!.Value));
    }

    [Fact]
    public void Only_one_tentative_scope_is_open_at_a_time()
    {
        var model = Model(History);
        using var scope = model.Tentatively();

        Assert.Throws<InvalidOperationException>(() => model.Tentatively());
    }

    private static PersonModel Model(IEnumerable<ProjectionChange> changes)
    {
        var model = new PersonModel();
        foreach (var change in changes)
        {
            model.Apply(change);
        }
        return model;
    }

    /// <summary>Everything the model answers, in a fixed order.</summary>
    private static string Fingerprint(PersonModel model)
    {
        var pairs = model.Holdings.Select(h => (h.Holder, h.Handle)).Distinct().Order();
        var transfers = model.Hops.Values.Select(h => (h.Sender, h.TransferId)).Distinct().Order();
        var senders = model.Hops.Values.Select(h => (h.Sender, Handle: h.SenderHandle ?? "")).Distinct().Order();
        return JsonSerializer.Serialize(new
        {
            Handles = model.HandleByProvider.OrderBy(p => p.Key, StringComparer.Ordinal),
            Consents = model.Consents.Values.OrderBy(c => c.ConsentId, StringComparer.Ordinal),
            Requests = model.Requests.Values.OrderBy(r => r.RequestId, StringComparer.Ordinal),
            Hops = model.Hops.Values,
            model.Holdings,
            Obligations = model.Obligations.Values.OrderBy(o => o.ObligationId, StringComparer.Ordinal),
            Held = pairs.Select(p => model.HeldCategories(p.Holder, p.Handle).Order(StringComparer.Ordinal)),
            Roots = pairs.Select(p => model.Holdings.Select(h => h.Category).Distinct().Order(StringComparer.Ordinal).Select(c => model.RootsOf(p.Holder, p.Handle, c))),
            OwnBasis = pairs.Select(p => model.Holdings.Select(h => h.Category).Distinct().Order(StringComparer.Ordinal).Select(c => model.HoldsOnOwnBasis(p.Holder, p.Handle, c))),
            Transfers = transfers.Select(t => model.HopsOfTransfer(t.Sender, t.TransferId).ToList()),
            Reported = senders.Select(s => model.HopsReportedBy(s.Sender, s.Handle).Select(h => h.HopId).ToList()),
        });
    }

    private static ConsentRow Consent(string id, long index) => new()
    {
        ConsentId = id, Holder = Shop, Handle = "h-shop", Statement = "{}", ExpiresAtMs = 10_000, Status = "active", GrantedIndex = index,
    };

    private static ConsentRequestRow Request(string id, long index) => new()
    {
        RequestId = id, Holder = Shop, Handle = "h-shop", Statement = "{}", Status = "pending", RequestedIndex = index,
    };

    private static HoldingRow Holding(string holder, string handle, string category, long index, long? hop) => new()
    {
        Holder = holder, Handle = handle, Category = category, AcquiredIndex = index, AcquiredAtMs = 500, ViaHop = hop,
    };

    private static HopRow Hop(long id, string sender, string transferId, bool received) => new()
    {
        HopId = id, Sender = sender, SenderHandle = received ? null : "h-shop", Recipient = Partner, RecipientHandle = "h-partner",
        TransferId = transferId, Categories = "[\"user.name\"]", TransferIndex = received ? null : id, ReceivedIndex = received ? id : null,
    };

    private static ObligationRow Obligation(string id, long index) => new()
    {
        ObligationId = id, Holder = Partner, Handle = "h-partner", Categories = "[\"user.name\"]", ConsentId = "c-1", DueAtMs = 9_000, Status = "due", DueIndex = index,
    };
}
