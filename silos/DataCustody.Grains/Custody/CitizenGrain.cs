using System.Security.Cryptography;
using System.Text;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;
using Microsoft.Extensions.Options;

namespace DataCustody.Grains.Custody;

/// <summary>
/// One person. Decides what their consents allow, records what providers say about their data
/// (flagging what breaks a rule), and answers their custody view from memory.
/// </summary>
internal sealed class CitizenGrain(
    PersonRegistry registry,
    HandleOwners owners,
    CustodyQueries queries,
    InboxStore inbox,
    EntryWriter writer,
    GrainReferences references,
    RegisteredProviders registeredProviders,
    IOptions<CustodyOptions> options) : Grain, ICitizenGrain
{
    private readonly Dictionary<string, ConsentRules.Candidate> _candidates = new(StringComparer.Ordinal);
    // Declared terms never change, and each transfer under them asks: a round trip to the provider's
    // grain while the person's other calls wait.
    private readonly Dictionary<(string Provider, string Sha256), TermsVersion> _declaredTerms = [];
    private PersonModel _model = new();
    private byte[] _secret = [];
    private DateTimeOffset? _forgottenAt;

    private string PersonId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => this.ActivateAsync(LoadAsync);

    private async Task LoadAsync()
    {
        // Registry writes block their thread on SQLite's write lock; keep them off the grain scheduler.
        var person = await registry.FindAsync(PersonId)
            ?? await Task.Run(() => registry.AddAsync(PersonId, RandomNumberGenerator.GetBytes(32), writer.Now.ToUnixTimeMilliseconds()));
        if (person.ForgottenAtMs is { } forgottenAtMs)
        {
            _forgottenAt = DateTimeOffset.FromUnixTimeMilliseconds(forgottenAtMs);
            return;
        }
        _secret = person.Secret ?? throw new InvalidOperationException($"Person {PersonId} has no secret, yet was not forgotten.");
        var handles = await registry.HandlesAsync(PersonId);
        _model = PersonModel.Load(handles, await queries.HandlesAsync(handles));
    }

    public async Task<string> GetHandle(string providerId)
    {
        EnsureNotForgotten();
        var entries = new List<PendingEntry>();
        var handle = await PrepareHandleAsync(providerId, entries);
        if (entries.Count > 0)
        {
            await CommitAsync(entries);
        }
        return handle;
    }

    public async Task<ConsentView> GrantConsent(string holder, ConsentTerms terms)
    {
        EnsureNotForgotten();
        ArgumentNullException.ThrowIfNull(terms);
        var entries = new List<PendingEntry>();
        var handle = await PrepareHandleAsync(holder, entries);
        var consentId = CustodyIds.Consent();
        entries.Add(writer.FromBroker(new ConsentGranted(CustodyIds.BrokerStatement(), writer.Now, consentId, null, holder, handle, terms)));
        await CommitAsync(entries);
        return ConsentViews.From(_model.Consents[consentId], writer.Now);
    }

    public async Task<ConsentView> RevokeConsent(string consentId)
    {
        EnsureNotForgotten();
        var consent = ActiveConsent(consentId);
        var entries = new List<PendingEntry>
        {
            writer.FromBroker(new ConsentRevoked(CustodyIds.BrokerStatement(), writer.Now, consentId, consent.Holder, consent.Handle)),
        };
        var obligations = await CascadeAsync(consentId, entries);
        var logged = await CommitAsync(entries);
        await NotifyAsync("consent.revoked", "You withdrew a consent", Obliged($"You withdrew your consent to {consent.Holder}.", obligations), logged[0].Index);
        return ConsentViews.From(_model.Consents[consentId], writer.Now);
    }

    public Task<IReadOnlyList<ConsentView>> GetConsents()
    {
        EnsureNotForgotten();
        return Task.FromResult<IReadOnlyList<ConsentView>>([.. _model.Consents.Values.OrderBy(c => c.GrantedIndex).Select(row => ConsentViews.From(row, writer.Now))]);
    }

    public async Task<string> RequestConsent(string holder, ConsentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // The provider named a handle that a stale cache still tied to this person.
        if (_forgottenAt is not null)
        {
            throw new ArgumentException($"The handle is not one the broker issued to {holder}.", "handle");
        }
        var entries = new List<PendingEntry>();
        var handle = await PrepareHandleAsync(holder, entries);
        var requestId = CustodyIds.Request();
        entries.Add(writer.FromBroker(new ConsentRequested(CustodyIds.BrokerStatement(), writer.Now, requestId, holder, handle, terms)));
        var logged = await CommitAsync(entries);
        await NotifyAsync("consent.requested", $"{holder} asks for your consent",
            $"{holder} asks to use {string.Join(", ", terms.Categories)} for {string.Join(", ", terms.Purposes)} until {terms.ExpiresAt:yyyy-MM-dd}. Nothing happens until you approve or reject it.",
            logged[^1].Index);
        return requestId;
    }

    public Task<IReadOnlyList<ConsentRequestView>> GetConsentRequests()
    {
        EnsureNotForgotten();
        return Task.FromResult<IReadOnlyList<ConsentRequestView>>([.. _model.Requests.Values.OrderBy(r => r.RequestedIndex).Select(RequestView)]);
    }

    public async Task<ConsentView> ApproveConsentRequest(string requestId)
    {
        EnsureNotForgotten();
        var request = PendingRequest(requestId);
        var terms = StoredStatement.Parse<ConsentRequested>(request.Statement).Terms;
        if (terms.ExpiresAt <= writer.Now)
        {
            throw new InvalidOperationException($"Consent request {requestId} asked for a consent that has already expired.");
        }
        var consentId = CustodyIds.Consent();
        await CommitAsync([writer.FromBroker(new ConsentGranted(CustodyIds.BrokerStatement(), writer.Now, consentId, requestId, request.Holder, request.Handle, terms))]);
        return ConsentViews.From(_model.Consents[consentId], writer.Now);
    }

    public async Task<ConsentRequestView> RejectConsentRequest(string requestId)
    {
        EnsureNotForgotten();
        var request = PendingRequest(requestId);
        await CommitAsync([writer.FromBroker(new ConsentRejected(CustodyIds.BrokerStatement(), writer.Now, requestId, request.Holder, request.Handle))]);
        return RequestView(_model.Requests[requestId]);
    }

    public async Task<TransferDecision> CheckTransfer(TransferQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!_model.HandleByProvider.TryGetValue(question.Sender, out var handle) || handle != question.Handle)
        {
            throw new ArgumentException($"Handle {question.Handle} is not {question.Sender}'s handle of this person.", nameof(question));
        }
        // Asking the recipient's grain is a round trip while this person's other calls wait: done
        // only when its registration is not known yet or its declared level may decide the answer.
        var candidates = Candidates();
        var recipient = ConsentRules.MayDependOnRecipientLevel(candidates, question.Sender, question.Recipient) ? await StandingAsync(question.Recipient) : null;
        if (!(recipient?.Registered ?? await IsRegisteredAsync(question.Recipient)))
        {
            return new TransferDecision(false, null, [$"{question.Recipient} is not a registered provider"]);
        }
        var (consentId, reasons) = ConsentRules.ForTransfer(
            candidates, question.Sender, question.Recipient, recipient?.Level ?? 0, question.TermsSha256, question.Categories, question.Purposes, writer.Now);
        return new TransferDecision(consentId is not null, consentId, reasons);
    }

    public async Task<IReadOnlyList<StatementOutcome>> Record(
        IReadOnlyList<SubmittedStatement> statements, long? providerProfileVersion, IReadOnlyDictionary<string, ProviderStanding> recipients)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(recipients);
        if (_forgottenAt is not null)
        {
            // Routed here by a stale cache of handle owners: to everyone else these handles lead nowhere.
            return [.. statements.Select(s => StatementOutcome.Refused(s.Statement.Id, "handle", $"The handle is not one the broker issued to {s.Statement.Provider}."))];
        }
        // Each statement is judged against everything before it, the earlier statements of this batch
        // included, and the batch is then logged in one append: the person's grain waits for one round
        // trip to the log instead of one per statement. The earlier statements' changes are applied
        // tentatively, under placeholder indices, and taken back before the real ones are applied. No
        // statement reads an index that another statement of the batch made: they are all one
        // provider's, and a provider never sends data to itself.
        var judgments = new List<Judgment>(statements.Count);
        var entries = new List<PendingEntry>();
        using (_model.Tentatively())
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var submitted = statements[i];
                var judgment = submitted.Statement switch
                {
                    DataCollected s => Collected(submitted, s, providerProfileVersion),
                    DataTransferred s => await TransferredAsync(submitted, s, providerProfileVersion, recipients),
                    DataReceived s => await ReceivedAsync(submitted, s, providerProfileVersion),
                    DataDeleted s => Deleted(submitted, s),
                    _ => Judgment.Refused(StatementOutcome.Refused(submitted.Statement.Id, "type", $"A {submitted.Statement.Type} statement is not about a person.")),
                };
                judgments.Add(judgment);
                foreach (var entry in judgment.Entries)
                {
                    // The last statement's changes matter to no later one.
                    if (i < statements.Count - 1)
                    {
                        foreach (var change in EntryProjection.Changes(entry.At(-1 - entries.Count)))
                        {
                            _model.Apply(change);
                        }
                    }
                    entries.Add(entry);
                }
            }
        }

        var logged = entries.Count == 0 ? [] : await CommitAsync(entries);
        var outcomes = new List<StatementOutcome>(statements.Count);
        var next = 0;
        foreach (var judgment in judgments)
        {
            if (judgment.Refusal is { } refusal)
            {
                outcomes.Add(refusal);
                continue;
            }
            foreach (var notice in judgment.Notices)
            {
                await NotifyAsync(notice.Kind, notice.Title, notice.Body, logged[next + notice.Entry].Index);
            }
            var entry = logged[next + judgment.Own];
            next += judgment.Entries.Count;
            var notes = entry.Decoded.Entry.Notes;
            outcomes.Add(StatementOutcome.Logged(entry.Decoded.Statement.Id, entry.Index, entry.LeafHash, notes?.Violations ?? []) with { RecipientHandle = notes?.RecipientHandle });
        }
        return outcomes;
    }

    public Task<CustodyView> GetCustodyView()
    {
        EnsureNotForgotten();
        return Task.FromResult(CustodyViewBuilder.Build(_model, writer.Now));
    }

    public Task<IReadOnlyList<ObligationView>> GetObligations()
    {
        EnsureNotForgotten();
        return Task.FromResult<IReadOnlyList<ObligationView>>([.. _model.Obligations.Values.OrderBy(o => o.DueIndex).Select(ObligationViews.From)]);
    }

    public async Task<IReadOnlyList<InboxMessage>> GetInbox()
    {
        EnsureNotForgotten();
        return [.. (await inbox.ListAsync(PersonId)).Select(m => new InboxMessage(m.MessageId, DateTimeOffset.FromUnixTimeMilliseconds(m.CreatedAtMs), m.Kind, m.Title, m.Body, m.EntryIndex))];
    }

    public async Task<bool> MarkOverdue(string obligationId)
    {
        if (!_model.Obligations.TryGetValue(obligationId, out var obligation) || obligation.Status != "due" || obligation.DueAtMs > writer.Now.ToUnixTimeMilliseconds())
        {
            return false;
        }
        var dueAt = DateTimeOffset.FromUnixTimeMilliseconds(obligation.DueAtMs);
        var logged = await CommitAsync([writer.FromBroker(new ObligationOverdue(CustodyIds.BrokerStatement(), writer.Now, obligationId, obligation.Holder, obligation.Handle, dueAt))]);
        await NotifyAsync("obligation.overdue", $"{obligation.Holder} has not deleted your data",
            $"{obligation.Holder} had to delete {string.Join(", ", EntryProjection.ReadArray(obligation.Categories))} by {dueAt:yyyy-MM-dd} and has not reported doing so. The regulator sees this too.",
            logged[0].Index);
        return true;
    }

    public async Task<bool> Expire(string consentId)
    {
        if (!_model.Consents.TryGetValue(consentId, out var consent) || consent.Status != "active" || consent.ExpiresAtMs > writer.Now.ToUnixTimeMilliseconds())
        {
            return false;
        }
        var entries = new List<PendingEntry>
        {
            writer.FromBroker(new ConsentExpired(CustodyIds.BrokerStatement(), writer.Now, consentId, consent.Holder, consent.Handle)),
        };
        var obligations = await CascadeAsync(consentId, entries);
        var logged = await CommitAsync(entries);
        await NotifyAsync("consent.expired", "A consent of yours expired", Obliged($"Your consent to {consent.Holder} reached its end date.", obligations), logged[0].Index);
        return true;
    }

    public async Task<DateTimeOffset> Forget()
    {
        EnsureNotForgotten();
        // Deadlines that passed are logged first, as the sweeper would have: the log keeps what the
        // holders failed to do, and a consent that expired cascades like any other.
        foreach (var consent in _model.Consents.Values.Where(c => c.Status == "active").ToList())
        {
            await Expire(consent.ConsentId);
        }
        foreach (var obligation in _model.Obligations.Values.Where(o => o.Status == "due").ToList())
        {
            await MarkOverdue(obligation.ObligationId);
        }
        if (ForgettingRefusal() is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        // To the millisecond, as stored: the answer now and after a reactivation are the same.
        var forgottenAt = DateTimeOffset.FromUnixTimeMilliseconds(writer.Now.ToUnixTimeMilliseconds());
        var handles = _model.HandleByProvider.Values.ToList();
        await Task.Run(() => registry.ForgetAsync(PersonId, forgottenAt.ToUnixTimeMilliseconds()));
        owners.Forget(handles);
        (_forgottenAt, _model, _secret) = (forgottenAt, new PersonModel(), []);
        _candidates.Clear();
        DeactivateOnIdle();
        return forgottenAt;
    }

    private Judgment Collected(SubmittedStatement submitted, DataCollected s, long? profileVersion)
    {
        var violations = new List<EntryViolation>();
        string? rootConsent = null;
        if (s.LegalBasis == LegalBasis.Consent)
        {
            (rootConsent, var reasons) = s.ConsentId is null
                ? ConsentRules.ForUse(Candidates(), s.Provider, s.Categories, s.Purposes, writer.Now)
                : ConsentRules.ForUse(Candidates().Where(c => c.Row.ConsentId == s.ConsentId), s.Provider, s.Categories, s.Purposes, writer.Now);
            if (rootConsent is null)
            {
                violations.Add(new EntryViolation(ViolationCodes.NoConsent, $"{s.Provider} collected data without a consent that covers it: {Logged(reasons)}."));
            }
        }
        return Judgment.Logging(writer.FromProvider(submitted, new EntryNotes { Violations = NullIfEmpty(violations), RootConsent = rootConsent, Version = profileVersion }));
    }

    private async Task<Judgment> TransferredAsync(
        SubmittedStatement submitted, DataTransferred s, long? senderProfile, IReadOnlyDictionary<string, ProviderStanding> recipients)
    {
        var standing = await StandingAsync(s.Recipient, recipients);
        if (!standing.Registered)
        {
            return Judgment.Refused(StatementOutcome.Refused(s.Id, "recipient", $"{s.Recipient} is not a registered provider."));
        }
        var violations = new List<EntryViolation>();

        // A copy of user.contact holds user.contact.email too, as for the consents a copy depends on (PersonModel.RootsOf).
        var held = _model.HeldCategories(s.Provider, s.Handle);
        var notHeld = s.Categories.Where(c => !held.Any(h => FideslangTaxonomy.Covers(h, c))).ToList();
        if (notHeld.Count > 0)
        {
            violations.Add(new EntryViolation(ViolationCodes.NotHeld, $"{s.Provider} passed on {string.Join(", ", notHeld)}, which the log does not show it holding."));
        }
        if (await DeclaredTermsAsync(s.Provider, s.TermsSha256) is null && await DeclaredTermsAsync(s.Recipient, s.TermsSha256) is null)
        {
            violations.Add(new EntryViolation(ViolationCodes.UnknownTerms, $"Neither {s.Provider} nor {s.Recipient} declared terms {s.TermsSha256}."));
        }
        string? consentId = null;
        if (s.LegalBasis == LegalBasis.Consent)
        {
            var candidates = s.ConsentId is null ? Candidates() : Candidates().Where(c => c.Row.ConsentId == s.ConsentId);
            (consentId, var reasons) = ConsentRules.ForTransfer(candidates, s.Provider, s.Recipient, standing.Level, s.TermsSha256, s.Categories, s.Purposes, writer.Now);
            if (consentId is null)
            {
                violations.Add(new EntryViolation(ViolationCodes.NoConsent, $"{s.Provider} passed the data to {s.Recipient} without a consent that allows it: {Logged(reasons)}."));
            }
        }
        var openedByRecipient = _model.HopsOfTransfer(s.Provider, s.Id).FirstOrDefault(h => h.Recipient == s.Recipient && h.TransferIndex is null);
        if (openedByRecipient is not null && ExtraReceived(s.Recipient, EntryProjection.ReadArray(openedByRecipient.Categories), s.Provider, s.Categories) is { } extra)
        {
            violations.Add(extra);
        }
        // A copy depends on the consent that allowed the transfer, else on every consent the sender's copies of its category depend on.
        // On another basis than consent, it stands on that basis where the sender's copies stood on one of their own.
        IEnumerable<string> passed = openedByRecipient is null ? s.Categories : EntryProjection.ReadArray(openedByRecipient.Categories);
        var inherited = consentId is null ? Inherited(s.Provider, s.Handle, passed) : null;
        var ownBasis = s.LegalBasis == LegalBasis.Consent ? null : OwnBasis(s.Provider, s.Handle, passed);

        var entries = new List<PendingEntry>();
        var recipientHandle = openedByRecipient?.RecipientHandle ?? await PrepareHandleAsync(s.Recipient, entries);
        var notes = new EntryNotes
        {
            Violations = NullIfEmpty(violations),
            RecipientHandle = recipientHandle,
            SenderProfile = senderProfile,
            RecipientProfile = standing.ProfileVersion,
            RootConsent = consentId,
            InheritedRoots = inherited,
            OwnBasis = ownBasis,
            Hop = openedByRecipient?.HopId,
        };
        var own = entries.Count;
        entries.Add(writer.FromProvider(submitted, notes));
        var notices = new List<Notice>();
        if (violations.Any(v => v.Code == ViolationCodes.NoConsent))
        {
            notices.Add(new Notice("violation", $"{s.Provider} passed on your data without your consent",
                $"{s.Provider} reported giving {string.Join(", ", s.Categories)} to {s.Recipient}, and no consent of yours allows that. The transfer is recorded and flagged for the regulator.",
                own));
        }
        // The copies the recipient's receipt made, when it reported the hop first.
        List<HoldingRow>? received = openedByRecipient is null ? null : [.. _model.CurrentCopiesVia(openedByRecipient.HopId)];
        if (inherited is not null)
        {
            var copies = received?.Select(h => h.Category) ?? s.Categories;
            await OwedFromTheStartAsync(s.Provider, s.Recipient, recipientHandle, s.TermsSha256,
                copies.Distinct().Select(category => new CopyBasis(category, HoldingRoots.For(category, null, inherited), HoldingRoots.OnOwnBasis(category, ownBasis))),
                entries, notices);
        }
        // The recipient may have passed on the copies its receipt made before this report gave them what they depend on.
        if (received is not null)
        {
            var learned = received
                .Select(copy => new HandedCopy(copy, new CopyBasis(copy.Category, HoldingRoots.For(copy.Category, consentId, inherited), HoldingRoots.OnOwnBasis(copy.Category, ownBasis))));
            await HandDownAsync(s.Recipient, recipientHandle, [.. learned], entries, notices);
        }
        return new Judgment(null, entries, own, notices);
    }

    /// <summary>
    /// Ending a consent obliged only the copies that existed then: a copy made later, or one that learns only
    /// now what it depends on, is owed deletion from the start once every consent it depends on has ended,
    /// unless it stands on a basis of its own, or the holder keeps its category lawfully by another route, or
    /// owes the category's deletion already (as the cascade does not oblige it twice), by an obligation of the model
    /// or one among <paramref name="entries"/>: answering that obligation deletes this copy too. Adds the obligation,
    /// if any is owed, and the person's notice of it.
    /// </summary>
    private async Task OwedFromTheStartAsync(
        string sender, string holder, string handle, string? termsSha256, IEnumerable<CopyBasis> copies, List<PendingEntry> entries, List<Notice> notices)
    {
        var owed = copies
            .Where(copy => copy.Consents.Count > 0 && !copy.OnOwnBasis && !copy.Consents.Any(IsActive) && !KeepsLawfully(holder, handle, copy.Category))
            .ToList();
        // Most copies passed on without a consent are still lawful: the obligations are read only for the rest.
        if (owed.Count > 0)
        {
            var owing = Owing();
            // The obligations this judgment made are not in the model yet: a late report's hand-down may reach a holder by two routes.
            var madeNow = entries.Select(entry => entry.Statement).OfType<ObligationDue>().Where(o => o.Holder == holder && o.Handle == handle).SelectMany(o => o.Categories).ToList();
            owed.RemoveAll(copy => Owes(owing, holder, handle, copy.Category) || madeNow.Contains(copy.Category, StringComparer.Ordinal));
        }
        if (owed.Count == 0)
        {
            return;
        }
        // Named after the consent whose end left the copies without any, as the cascade names the one it follows.
        // One past its expiry that the sweep has not logged yet ended last.
        var ended = owed.SelectMany(copy => copy.Consents).Select(consent => _model.Consents[consent]).MaxBy(consent => consent.EndedIndex ?? long.MaxValue)!;
        var obligation = await ObligationAsync(ended.ConsentId, holder, handle, owed.Select(copy => copy.Category), [(sender, termsSha256)]);
        notices.Add(new Notice("obligation.due", $"{holder} must delete your data",
            Obliged($"{sender} passed your data on to {holder}, and your consent to {ended.Holder}, which that copy depends on, has ended.", [obligation]), entries.Count));
        entries.Add(writer.FromBroker(obligation));
    }

    /// <summary>
    /// Hands what the holder's copies have just learned they depend on down to the copies passed on from them
    /// before: the holder's transfers that no consent of the person allowed (on a basis other than consent, or
    /// on a consent the broker did not find, flagged <c>no-consent</c>), reported after it got those copies,
    /// whose copies inherited what those copies depended on then, which was nothing yet. Follows the data
    /// downstream hop by hop, each hop once, logging a <c>holdings.inherited</c> for every hop whose copies learn
    /// something, and the obligation it leaves their holder with when all of their consents have ended already.
    /// </summary>
    /// <remarks>
    /// A hop whose consent the broker found (<see cref="HopRow.RootConsentId"/>) is not followed: its copies
    /// depend on that consent alone, whatever the sender's copies depend on.
    /// </remarks>
    private async Task HandDownAsync(string holder, string handle, IReadOnlyList<HandedCopy> learned, List<PendingEntry> entries, List<Notice> notices)
    {
        var reached = new Queue<(string Holder, string Handle, IReadOnlyList<HandedCopy> Learned)>();
        reached.Enqueue((holder, handle, learned));
        // Data passed round in a circle reaches a hop again.
        var followed = new HashSet<long>();
        while (reached.TryDequeue(out var from))
        {
            foreach (var hop in _model.HopsReportedBy(from.Holder, from.Handle))
            {
                if (hop.RootConsentId is not null || hop.RecipientHandle is not { } recipientHandle || !followed.Add(hop.HopId))
                {
                    continue;
                }
                var handed = HandedDown(hop, from.Learned);
                if (handed.Count == 0)
                {
                    continue;
                }
                entries.Add(writer.FromBroker(new HoldingsHandedDown(CustodyIds.BrokerStatement(), writer.Now, hop.HopId, hop.Recipient, recipientHandle,
                    [.. handed.Select(copy => new InheritedCategory(copy.Copy.Category, [.. copy.Basis.Consents], copy.Basis.OnOwnBasis))])));
                await OwedFromTheStartAsync(hop.Sender, hop.Recipient, recipientHandle, hop.TermsSha256, handed.Select(copy => copy.Basis), entries, notices);
                reached.Enqueue((hop.Recipient, recipientHandle, handed));
            }
        }
    }

    // What the hop's current copies learn from the sender's copies that learned something and that it held when
    // it reported the hop: a copy inherited, when it was passed on, from the sender's copies of its category
    // and of those above it (as Inherited and OwnBasis work it out), their basis only by a hop on another basis
    // than consent, as TransferredAsync hands it on. Only the copies that learn something new.
    private List<HandedCopy> HandedDown(HopRow hop, IReadOnlyList<HandedCopy> learned)
    {
        var handed = new List<HandedCopy>();
        var passesBasis = hop.LegalBasis != LegalBases.ToKey(LegalBasis.Consent);
        foreach (var copy in _model.CurrentCopiesVia(hop.HopId))
        {
            var sources = learned.Where(source => source.Copy.AcquiredIndex < hop.TransferIndex && FideslangTaxonomy.Covers(source.Copy.Category, copy.Category)).ToList();
            var had = HoldingRoots.Of(copy).ToList();
            var consents = had.Concat(sources.SelectMany(source => source.Basis.Consents)).Distinct(StringComparer.Ordinal).ToList();
            var onOwnBasis = copy.OnOwnBasis || (passesBasis && sources.Any(source => source.Basis.OnOwnBasis));
            if (consents.Count > had.Count || onOwnBasis != copy.OnOwnBasis)
            {
                handed.Add(new HandedCopy(copy, new CopyBasis(copy.Category, consents, onOwnBasis)));
            }
        }
        return handed;
    }

    private async Task<Judgment> ReceivedAsync(SubmittedStatement submitted, DataReceived s, long? recipientProfile)
    {
        if (!await IsRegisteredAsync(s.Sender))
        {
            return Judgment.Refused(StatementOutcome.Refused(s.Id, "sender", $"{s.Sender} is not a registered provider."));
        }
        // The receipt's handle is the recipient's handle of this person, so a transfer of another
        // person or to another recipient never matches; such a receipt stays one-sided.
        var hop = _model.HopsOfTransfer(s.Sender, s.TransferId).FirstOrDefault(h => h.RecipientHandle == s.Handle);
        var violations = new List<EntryViolation>();
        if (hop is not null)
        {
            if (hop.ReceivedIndex is { } receivedIndex)
            {
                // A placeholder index is a receipt earlier in this batch, not yet logged.
                var when = receivedIndex >= 0 ? $"at entry {receivedIndex}" : "by an earlier statement of this batch";
                return Judgment.Refused(StatementOutcome.Refused(s.Id, "transferId", $"Transfer {s.TransferId} of {s.Sender} was confirmed {when}."));
            }
            if (ExtraReceived(s.Provider, s.Categories, s.Sender, EntryProjection.ReadArray(hop.Categories)) is { } extra)
            {
                violations.Add(extra);
            }
        }
        var notes = new EntryNotes
        {
            Violations = NullIfEmpty(violations),
            Hop = hop?.HopId,
            SenderHandle = hop?.SenderHandle,
            RecipientProfile = recipientProfile,
        };
        return Judgment.Logging(writer.FromProvider(submitted, notes));
    }

    private Judgment Deleted(SubmittedStatement submitted, DataDeleted s)
    {
        // Deleting a category deletes the categories beneath it too, as the release in PersonModel does.
        var remaining = _model.HeldCategories(s.Provider, s.Handle).Where(c => !s.Categories.Any(d => FideslangTaxonomy.Covers(d, c))).ToHashSet(StringComparer.Ordinal);
        var open = _model.Obligations.Values.Where(o => o.Holder == s.Provider && o.Handle == s.Handle && o.Status != "answered").ToList();
        if (s.ObligationId is not null && open.All(o => o.ObligationId != s.ObligationId))
        {
            return Judgment.Refused(StatementOutcome.Refused(s.Id, "obligationId", $"{s.ObligationId} is not an open obligation of {s.Provider} about this person."));
        }
        var answered = open.Where(o => !EntryProjection.ReadArray(o.Categories).Any(remaining.Contains)).Select(o => o.ObligationId).ToList();
        var violations = new List<EntryViolation>();
        if (s.ObligationId is not null && !answered.Contains(s.ObligationId))
        {
            violations.Add(new EntryViolation(ViolationCodes.ObligationNotFulfilled, $"{s.Provider} answered {s.ObligationId} but still holds some of its categories."));
        }
        return Judgment.Logging(writer.FromProvider(submitted, new EntryNotes { Violations = NullIfEmpty(violations), Answers = NullIfEmpty(answered) }));
    }

    /// <summary>
    /// Adds an obligation.due entry for every holder whose current copy depends on the consent,
    /// downstream included, unless it holds the copy's category by another route, or a category above
    /// it, under a consent still active. The obligation names too the categories beneath whose copies
    /// were lawful only through the copy above them, and covers every copy of the categories it names.
    /// </summary>
    private async Task<IReadOnlyList<ObligationDue>> CascadeAsync(string consentId, List<PendingEntry> entries)
    {
        var obligations = new List<ObligationDue>();
        var dependent = _model.Holdings.Where(h => h.ReleasedIndex is null && HoldingRoots.Of(h).Contains(consentId)).GroupBy(h => (h.Holder, h.Handle));
        var owing = Owing();
        foreach (var copies in dependent)
        {
            var (holder, handle) = copies.Key;
            var ending = copies.Select(h => h.Category).Distinct().ToList();
            // The categories beneath are owed too unless a copy of their own keeps them lawful. The consent itself
            // is still active in the model: its end is logged with these entries. A holder may owe the deletion
            // already: a transfer made after the expiry, before the sweep logged it, obliged it.
            var owed = _model.HeldCategories(holder, handle)
                .Where(category => ending.Any(above => FideslangTaxonomy.Covers(above, category))
                    && !KeepsLawfully(holder, handle, category, consentId)
                    && !Owes(owing, holder, handle, category))
                .ToList();
            if (owed.Count == 0)
            {
                continue;
            }
            var obligation = await ObligationAsync(consentId, holder, handle, owed,
                owed.SelectMany(category => _model.CurrentCopiesOf(holder, handle, category)).Select(h => (h.SourceHolder, h.TermsSha256)));
            obligations.Add(obligation);
            entries.Add(writer.FromBroker(obligation));
        }
        return obligations;
    }

    // The consents that copies passed on with no consent of their own inherit, by category: those of
    // the sender's copies of the category and of the categories above it; null when none of them
    // depends on a consent.
    private List<InheritedRoots>? Inherited(string sender, string handle, IEnumerable<string> categories)
    {
        List<InheritedRoots>? inherited = null;
        foreach (var category in categories.Distinct())
        {
            if (_model.RootsOf(sender, handle, category) is { Count: > 0 } roots)
            {
                (inherited ??= []).Add(new InheritedRoots(category, roots));
            }
        }
        return inherited;
    }

    // The categories of copies passed on with no consent of their own that stand on the transfer's basis: those
    // the sender holds, by a copy of the category or of one above it, on a basis of its own; null when none.
    private IReadOnlyList<string>? OwnBasis(string sender, string handle, IEnumerable<string> categories) =>
        NullIfEmpty([.. categories.Distinct().Where(category => _model.HoldsOnOwnBasis(sender, handle, category))]);

    // Whether the holder keeps the category lawfully by the copies it holds now, apart from what depends on
    // the consent ending: one of the category or of a category above stands on a basis of its own, or
    // depends on another consent still active.
    private bool KeepsLawfully(string holder, string handle, string category, string? ending = null) =>
        _model.HoldsOnOwnBasis(holder, handle, category)
        || _model.RootsOf(holder, handle, category).Any(root => root != ending && IsActive(root));

    private bool IsActive(string consentId) => _model.Consents.TryGetValue(consentId, out var consent) && ConsentRules.IsActive(consent, writer.Now);

    // The categories each holder's obligations that are not answered yet name, read once for all the
    // holders a cascade or transfer asks about rather than once per holder and category.
    private ILookup<(string Holder, string Handle), string> Owing() =>
        _model.Obligations.Values.Where(o => o.Status != "answered")
            .SelectMany(o => EntryProjection.ReadArray(o.Categories), (o, category) => (Key: (o.Holder, o.Handle), Category: category))
            .ToLookup(owed => owed.Key, owed => owed.Category);

    // Whether an obligation of the holder that is not answered yet names the category. One of a category
    // above it does not count: the custody view shows a copy's deletion owed only by an obligation of its
    // own category, and a copy beneath may be lawful on its own, although deleting the one above deletes it.
    private static bool Owes(ILookup<(string Holder, string Handle), string> owing, string holder, string handle, string category) =>
        owing[(holder, handle)].Contains(category, StringComparer.Ordinal);

    /// <summary>
    /// The holder's obligation to delete its copies of <paramref name="categories"/> that depend on the
    /// ended consent; the deadline comes from the terms in force at the hops the copies came by.
    /// </summary>
    private async Task<ObligationDue> ObligationAsync(
        string consentId, string holder, string handle, IEnumerable<string> categories, IEnumerable<(string? SourceHolder, string? TermsSha256)> hops)
    {
        var days = options.Value.DefaultDeletionDays;
        foreach (var terms in hops.Distinct())
        {
            if (terms.TermsSha256 is not null && terms.SourceHolder is not null)
            {
                var version = await DeclaredTermsAsync(terms.SourceHolder, terms.TermsSha256)
                    ?? await DeclaredTermsAsync(holder, terms.TermsSha256);
                days = Math.Min(days, version?.DeletionDays ?? days);
            }
        }
        return new ObligationDue(
            CustodyIds.BrokerStatement(), writer.Now, CustodyIds.Obligation(), holder, handle,
            [.. categories.Distinct().Order(StringComparer.Ordinal)], consentId, writer.Now.AddDays(Math.Max(days, 1)));
    }

    private void EnsureNotForgotten()
    {
        if (_forgottenAt is { } forgottenAt)
        {
            throw new PersonForgottenException(forgottenAt);
        }
    }

    // What stops the broker from forgetting the person now, in their words; null when nothing does.
    private string? ForgettingRefusal()
    {
        var active = _model.Consents.Values.Where(c => c.Status == "active").OrderBy(c => c.GrantedIndex).ToList();
        if (active.Count > 0)
        {
            return $"Withdraw your consents first: {string.Join(", ", active.Select(c => $"{c.ConsentId} to {c.Holder}"))}. "
                + "Holders must then delete what depended on them, and the log follows that only while DataCustody knows you.";
        }
        var open = _model.Obligations.Values.Where(o => o.Status == "due").OrderBy(o => o.DueAtMs).ToList();
        if (open.Count > 0)
        {
            return "Holders must still delete your data: "
                + string.Join("; ", open.Select(o => $"{o.Holder} {string.Join(", ", EntryProjection.ReadArray(o.Categories))} by {DateTimeOffset.FromUnixTimeMilliseconds(o.DueAtMs):yyyy-MM-dd} ({o.ObligationId})"))
                + ". DataCustody can forget you once each has answered or its deadline has passed.";
        }
        return null;
    }

    private async Task<string> PrepareHandleAsync(string providerId, List<PendingEntry> entries)
    {
        if (_model.HandleByProvider.TryGetValue(providerId, out var known))
        {
            return known;
        }
        if (!await IsRegisteredAsync(providerId))
        {
            throw new ArgumentException($"{providerId} is not a registered provider.", nameof(providerId));
        }
        var handle = PairwiseHandle.Derive(_secret, providerId);
        // Linked before it is logged, but of use only once logged (see PersonRegistry.LinkAsync): a failed
        // append leaves a link nobody can use, and the retry, deriving the same handle, logs it.
        await Task.Run(() => registry.LinkAsync(handle, providerId, PersonId));
        entries.Add(writer.FromBroker(new HandleIssued(CustodyIds.BrokerStatement(), writer.Now, providerId, handle)));
        return handle;
    }

    private async Task<IReadOnlyList<LoggedEntry>> CommitAsync(IReadOnlyList<PendingEntry> entries)
    {
        var logged = await writer.AppendAsync(entries);
        foreach (var entry in logged)
        {
            foreach (var change in EntryProjection.Changes(entry.Decoded))
            {
                _model.Apply(change);
            }
        }
        return logged;
    }

    private Task NotifyAsync(string kind, string title, string body, long? entryIndex) =>
        Task.Run(() => inbox.AddAsync(new InboxStore.Message(CustodyIds.Message(), PersonId, writer.Now.ToUnixTimeMilliseconds(), kind, title, body, entryIndex)));

    // A round trip to the provider's grain while this person's other calls wait, unless the caller
    // already asked (see Record): asked only where the level or profile version matters, which
    // change with every new profile.
    private async ValueTask<ProviderStanding> StandingAsync(string providerId, IReadOnlyDictionary<string, ProviderStanding>? known = null)
    {
        var standing = known is not null && known.TryGetValue(providerId, out var found) ? found : await references.Provider(providerId).GetStanding();
        if (standing.Registered)
        {
            registeredProviders.Add(providerId);
        }
        return standing;
    }

    private async ValueTask<bool> IsRegisteredAsync(string providerId) =>
        registeredProviders.Contains(providerId) || (await StandingAsync(providerId)).Registered;

    private async Task<TermsVersion?> DeclaredTermsAsync(string providerId, string sha256)
    {
        if (_declaredTerms.TryGetValue((providerId, sha256), out var known))
        {
            return known;
        }
        var terms = await references.Provider(providerId).GetTerms(sha256);
        if (terms is not null)
        {
            _declaredTerms[(providerId, sha256)] = terms;
        }
        return terms;
    }

    // Every transfer check reads all the person's consents: each is made a candidate once, and again
    // only when its row changes.
    private List<ConsentRules.Candidate> Candidates()
    {
        var candidates = new List<ConsentRules.Candidate>(_model.Consents.Count);
        foreach (var row in _model.Consents.Values)
        {
            if (!_candidates.TryGetValue(row.ConsentId, out var candidate) || !ReferenceEquals(candidate.Row, row))
            {
                candidate = new ConsentRules.Candidate(row, candidate?.Terms ?? StoredStatement.Parse<ConsentGranted>(row.Statement).Terms);
                _candidates[row.ConsentId] = candidate;
            }
            candidates.Add(candidate);
        }
        return candidates;
    }

    private ConsentRow ActiveConsent(string consentId) =>
        IsActive(consentId)
            ? _model.Consents[consentId]
            : throw new ArgumentException($"{consentId} is not an active consent of this person.", nameof(consentId));

    private ConsentRequestRow PendingRequest(string requestId) =>
        _model.Requests.TryGetValue(requestId, out var request) && request.Status == "pending"
            ? request
            : throw new ArgumentException($"{requestId} is not a pending consent request of this person.", nameof(requestId));

    private static ConsentRequestView RequestView(ConsentRequestRow row) => new(
        row.RequestId, row.Holder, StoredStatement.Parse<ConsentRequested>(row.Statement).Terms, ConsentViews.RequestStatus(row.Status), row.RequestedIndex);

    // What the person is told of the obligations an ended consent caused, after what ended it: the same
    // whether the end's cascade or a later transfer of a copy that depended on it caused them.
    private static string Obliged(string cause, IReadOnlyList<ObligationDue> obligations) =>
        $"{cause} {Holders(obligations)} must now delete the copies of your data that depended on it.";

    private static string Holders(IReadOnlyList<ObligationDue> obligations) => obligations.Count switch
    {
        0 => "No holder",
        1 => obligations[0].Holder,
        _ => string.Join(", ", obligations.Select(o => o.Holder).Distinct()),
    };

    // Whichever side reports a hop second is flagged: the recipient holds what no transfer accounts for. A
    // category sent accounts for the categories beneath it (user.contact for user.contact.email), not above.
    private static EntryViolation? ExtraReceived(string recipient, IEnumerable<string> received, string sender, IReadOnlyCollection<string> sent)
    {
        var extra = received.Where(c => !sent.Any(above => FideslangTaxonomy.Covers(above, c))).ToList();
        return extra.Count == 0
            ? null
            : new EntryViolation(ViolationCodes.CategoriesDiffer, $"{recipient} received {string.Join(", ", extra)}, which {sender} did not report sending.");
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    // A violation's reasons go into the log entry, which must fit an entry bundle: a person with many
    // consents to one holder would otherwise have every one of them listed.
    private const int ReasonsLogged = 5;

    private static string Logged(IReadOnlyList<string> reasons) => reasons.Count <= ReasonsLogged
        ? string.Join("; ", reasons)
        : $"{string.Join("; ", reasons.Take(ReasonsLogged))}; and {reasons.Count - ReasonsLogged} more";

    /// <summary>
    /// What judging one statement decided: a refusal, or the entries to log (the statement's own at
    /// <see cref="Own"/>, after a handle it may need and before an obligation it may cause; its notes
    /// carry the violations found) and what to tell the person once they are logged.
    /// </summary>
    private sealed record Judgment(StatementOutcome? Refusal, IReadOnlyList<PendingEntry> Entries, int Own, IReadOnlyList<Notice> Notices)
    {
        public static Judgment Refused(StatementOutcome refusal) => new(refusal, [], 0, []);

        public static Judgment Logging(PendingEntry entry) => new(null, [entry], 0, []);
    }

    /// <summary>An inbox message about the judgment's entry at <see cref="Entry"/>, sent once it is logged.</summary>
    private sealed record Notice(string Kind, string Title, string Body, int Entry);

    /// <summary>What copies of a category depend on: every consent, and whether they stand on a basis of their own.</summary>
    private sealed record CopyBasis(string Category, IReadOnlyList<string> Consents, bool OnOwnBasis);

    /// <summary>A holder's copy and what it depends on from now on, once a late report has handed that down.</summary>
    private sealed record HandedCopy(HoldingRow Copy, CopyBasis Basis);
}
