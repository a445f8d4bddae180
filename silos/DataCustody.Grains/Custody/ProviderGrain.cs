using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Codecs;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Orleans.Concurrency;

namespace DataCustody.Grains.Custody;

/// <summary>
/// One provider: its registration, keys, profiles and terms, and the entry point of its
/// statements. Batches interleave; what changes the provider's own state takes turns.
/// </summary>
[Reentrant]
internal sealed class ProviderGrain(
    CustodyQueries queries,
    HandleOwners owners,
    LedgerStore ledger,
    EntryWriter writer,
    GrainReferences references,
    IOptions<CustodyOptions> options) : Grain, IProviderGrain
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Dictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermsVersion> _termsVersions = new(StringComparer.Ordinal);
    private ProviderModel _model = new();

    private string ProviderId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.ActivateAsync(async () => _model = ProviderModel.Load(await queries.ProviderAsync(ProviderId)));

    public async Task<ProviderRecord> Register(ProviderRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await TakeTurnAsync(async () =>
        {
            if (_model.Registration is not null)
            {
                throw new InvalidOperationException($"{ProviderId} is already registered.");
            }
            await CommitAsync(writer.FromBroker(new ProviderRegistered(
                CustodyIds.BrokerStatement(), writer.Now, ProviderId, registration.Name, registration.Jurisdiction, registration.Sector, registration.Contact)));
        });
        return ProviderViews.From(_model.Registration!);
    }

    public Task<ProviderRecord?> GetRegistration() =>
        Task.FromResult(_model.Registration is { } row ? ProviderViews.From(row) : null);

    public async Task<ProviderKey> AddKey(string kid, byte[] publicKey, DateTimeOffset validFrom, DateTimeOffset? validUntil)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Length != 32 || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out _))
        {
            throw new ArgumentException("The public key is not a 32-byte Ed25519 key.", nameof(publicKey));
        }
        await TakeTurnAsync(async () =>
        {
            RequireRegistered();
            if (_model.Keys.ContainsKey(kid))
            {
                throw new ArgumentException($"{ProviderId} already has a key {kid}; key ids are never reused.", nameof(kid));
            }
            await CommitAsync(writer.FromBroker(new ProviderKeyAdded(
                CustodyIds.BrokerStatement(), writer.Now, ProviderId, kid, StrictBase64.EncodeUrl(publicKey), validFrom, validUntil)));
        });
        return Key(_model.Keys[kid]);
    }

    public async Task<ProviderKey> RetireKey(string kid, DateTimeOffset at)
    {
        await TakeTurnAsync(async () =>
        {
            if (!_model.Keys.TryGetValue(kid, out var key))
            {
                throw new ArgumentException($"{ProviderId} has no key {kid}.", nameof(kid));
            }
            if (key.RetiredAtMs is not null)
            {
                throw new InvalidOperationException($"Key {kid} was retired already.");
            }
            await CommitAsync(writer.FromBroker(new ProviderKeyRetired(CustodyIds.BrokerStatement(), writer.Now, ProviderId, kid, at)));
        });
        return Key(_model.Keys[kid]);
    }

    public Task<KeyLookup> FindKey(string kid, DateTimeOffset issuedAt)
    {
        if (!_model.Keys.TryGetValue(kid, out var row))
        {
            return Task.FromResult(new KeyLookup(null, $"{ProviderId} has no key {kid}."));
        }
        var key = Key(row);
        return Task.FromResult(key.IsValidAt(issuedAt)
            ? new KeyLookup(key, null)
            : new KeyLookup(null, $"Key {kid} of {ProviderId} was not valid at {issuedAt:O}."));
    }

    public async Task<IReadOnlyList<StatementOutcome>> Submit(IReadOnlyList<SubmittedStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var outcomes = new Task<StatementOutcome>[statements.Count];
        var accepted = new List<(int Slot, SubmittedStatement Statement, TaskCompletionSource<StatementOutcome> Outcome)>();

        // Checked synchronously, so a repeated id is caught even inside one batch or across
        // interleaved batches before anything is awaited.
        for (var i = 0; i < statements.Count; i++)
        {
            var submitted = statements[i];
            var refusal = Refusal(submitted);
            if (refusal is not null)
            {
                outcomes[i] = Task.FromResult(refusal);
            }
            else if (_inFlight.TryGetValue(submitted.Statement.Id, out var prior))
            {
                outcomes[i] = RepeatOfAsync(submitted, prior);
            }
            else
            {
                var outcome = new TaskCompletionSource<StatementOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[submitted.Statement.Id] = new InFlight(submitted.PayloadSha256, outcome.Task);
                outcomes[i] = outcome.Task;
                accepted.Add((i, submitted, outcome));
            }
        }

        try
        {
            await RecordAcceptedAsync(accepted);
        }
        catch (Exception e)
        {
            foreach (var item in accepted)
            {
                item.Outcome.TrySetException(e);
            }
        }
        finally
        {
            foreach (var item in accepted)
            {
                _inFlight.Remove(item.Statement.Statement.Id);
            }
        }
        return await Task.WhenAll(outcomes);
    }

    public async Task<LogLeaf?> GetStatementEntry(string statementId)
    {
        ArgumentNullException.ThrowIfNull(statementId);
        // The idempotency record is written in the transaction that appends the entry, so a statement
        // with a record is in the ledger.
        var recorded = await queries.StatementsAsync(ProviderId, [statementId]);
        if (!recorded.TryGetValue(statementId, out var row))
        {
            return null;
        }
        var entry = (await ledger.ReadEntriesAsync(row.EntryIndex, 1))[0];
        return new LogLeaf(entry.Index, entry.Leaf);
    }

    public Task<ProviderStanding> GetStanding() => Task.FromResult(new ProviderStanding(
        _model.Registration is not null,
        _model.Profiles.Count == 0 ? 0 : (int)_model.Profiles[^1].Level,
        _model.Profiles.Count == 0 ? null : _model.Profiles[^1].Version));

    public Task<ProfileVersion?> GetCurrentProfile() =>
        Task.FromResult(_model.Profiles.Count == 0 ? null : Profile(_model.Profiles[^1]));

    public Task<TermsVersion?> GetTerms(string sha256)
    {
        if (_termsVersions.TryGetValue(sha256, out var known))
        {
            return Task.FromResult<TermsVersion?>(known);
        }
        if (!_model.Terms.TryGetValue(sha256, out var row))
        {
            return Task.FromResult<TermsVersion?>(null);
        }
        // Declared terms never change; every transfer under them asks, so they are read once.
        var terms = Terms(row);
        _termsVersions[sha256] = terms;
        return Task.FromResult<TermsVersion?>(terms);
    }

    public Task<ProviderHistory> GetHistory() =>
        Task.FromResult(new ProviderHistory([.. _model.Profiles.Select(Profile)], [.. _model.Terms.Values.OrderBy(t => t.Version).Select(Terms)]));

    public async Task<IReadOnlyList<ConsentView>> GetHeldConsents() =>
        [.. (await queries.ConsentsHeldAsync(ProviderId)).Select(row => ConsentViews.From(row, writer.Now))];

    public async Task<IReadOnlyList<ObligationView>> GetOpenObligations() =>
        [.. (await queries.OpenObligationsAsync(ProviderId)).Select(ObligationViews.From)];

    public async Task<string> RequestConsent(string handle, ConsentTerms terms)
    {
        RequireRegistered();
        var person = await OwnerAsync(handle) ?? throw new ArgumentException($"{handle} is not a handle of {ProviderId}.", nameof(handle));
        return await references.Citizen(person).RequestConsent(ProviderId, terms);
    }

    private async Task RecordAcceptedAsync(List<(int Slot, SubmittedStatement Statement, TaskCompletionSource<StatementOutcome> Outcome)> accepted)
    {
        // Look up earlier recordings in one query and the people behind the handles, all at once.
        var recorded = await queries.StatementsAsync(ProviderId, [.. accepted.Select(a => a.Statement.Statement.Id)]);
        var routes = await Task.WhenAll(accepted.Select(async item => (item, route: await RouteAsync(item.Statement, recorded))));
        var own = new List<(SubmittedStatement Statement, TaskCompletionSource<StatementOutcome> Outcome)>();
        var byPerson = new Dictionary<string, List<(SubmittedStatement Statement, TaskCompletionSource<StatementOutcome> Outcome)>>(StringComparer.Ordinal);
        foreach (var (item, route) in routes)
        {
            if (route.Outcome is not null)
            {
                item.Outcome.TrySetResult(route.Outcome);
            }
            else if (route.Person is null)
            {
                own.Add((item.Statement, item.Outcome));
            }
            else
            {
                (byPerson.TryGetValue(route.Person, out var list) ? list : byPerson[route.Person] = []).Add((item.Statement, item.Outcome));
            }
        }

        var profileVersion = _model.Profiles.Count == 0 ? (long?)null : _model.Profiles[^1].Version;
        var recipients = await StandingsAsync(byPerson.Values.SelectMany(g => g).Select(g => g.Statement.Statement).OfType<DataTransferred>().Select(t => t.Recipient));
        var people = byPerson.Select(async group =>
        {
            var outcomes = await references.Citizen(group.Key).Record([.. group.Value.Select(g => g.Statement)], profileVersion, recipients);
            for (var i = 0; i < outcomes.Count; i++)
            {
                group.Value[i].Outcome.TrySetResult(outcomes[i]);
            }
        });
        var provider = RecordOwnAsync(own);
        await Task.WhenAll([.. people, provider]);
    }

    // Each transfer is judged by its recipient's level and profile version: asked here once per recipient
    // for the whole batch, not by every person's grain for every transfer. This grain answers for itself
    // directly, without a message to itself.
    private async Task<IReadOnlyDictionary<string, ProviderStanding>> StandingsAsync(IEnumerable<string> recipients)
    {
        var standings = await Task.WhenAll(recipients.Distinct(StringComparer.Ordinal).Select(async recipient =>
            (recipient, standing: recipient == ProviderId ? await GetStanding() : await references.Provider(recipient).GetStanding())));
        return standings.ToDictionary(s => s.recipient, s => s.standing, StringComparer.Ordinal);
    }

    /// <summary>Where a statement goes: nowhere (an outcome already), this grain, or a person's grain.</summary>
    private async Task<(StatementOutcome? Outcome, string? Person)> RouteAsync(SubmittedStatement submitted, IReadOnlyDictionary<string, StatementRow> recorded)
    {
        var statement = submitted.Statement;
        if (recorded.TryGetValue(statement.Id, out var earlier))
        {
            return (await RepeatAsync(statement.Id, submitted.PayloadSha256, earlier.PayloadSha256, earlier.EntryIndex), null);
        }
        if (KeyRefusal(submitted) is { } refusal)
        {
            return (refusal, null);
        }
        var handle = statement switch
        {
            DataCollected s => s.Handle,
            DataTransferred s => s.Handle,
            DataReceived s => s.Handle,
            DataDeleted s => s.Handle,
            _ => null,
        };
        if (handle is null)
        {
            return (null, null);
        }
        var person = await OwnerAsync(handle);
        return person is null
            ? (StatementOutcome.Refused(statement.Id, "handle", $"{handle} is not a handle the broker issued to {ProviderId}."), null)
            : (null, person);
    }

    private async Task RecordOwnAsync(List<(SubmittedStatement Statement, TaskCompletionSource<StatementOutcome> Outcome)> own)
    {
        foreach (var (submitted, outcome) in own)
        {
            // A breach is its own grain's to judge; the turn guards only this provider's profile and terms versions.
            var breachId = submitted.Statement switch
            {
                BreachReported b => b.BreachId,
                BreachUpdated u => u.BreachId,
                BreachReviewed r => r.BreachId,
                _ => null,
            };
            if (breachId is not null)
            {
                outcome.TrySetResult(await GrainFactory.GetGrain<IBreachGrain>(breachId).Record(submitted));
                continue;
            }
            await TakeTurnAsync(async () => outcome.TrySetResult(submitted.Statement switch
            {
                ProfileDeclared => await LogOwnAsync(submitted, new EntryNotes { Version = _model.Profiles.Count + 1 }),
                TermsDeclared t when _model.Terms.TryGetValue(t.Sha256, out var known) =>
                    StatementOutcome.Refused(t.Id, "sha256", $"These terms were declared before, as version {known.Version}."),
                TermsDeclared => await LogOwnAsync(submitted, new EntryNotes { Version = _model.Terms.Count + 1 }),
                _ => StatementOutcome.Refused(submitted.Statement.Id, "type", $"{submitted.Statement.Type} is not a provider statement."),
            }));
        }
    }

    private async Task<StatementOutcome> LogOwnAsync(SubmittedStatement submitted, EntryNotes notes)
    {
        var logged = await CommitAsync(writer.FromProvider(submitted, notes));
        return StatementOutcome.Logged(submitted.Statement.Id, logged.Index, logged.LeafHash, []);
    }

    private StatementOutcome? Refusal(SubmittedStatement submitted)
    {
        var statement = submitted.Statement;
        if (_model.Registration is null)
        {
            return StatementOutcome.Refused(statement.Id, "provider", $"{ProviderId} is not registered.");
        }
        if (statement.Provider != ProviderId)
        {
            return StatementOutcome.Refused(statement.Id, "provider", $"The statement names {statement.Provider}, not {ProviderId}.");
        }
        if (submitted.Jws.Length > SubmittedStatement.MaxJwsLength)
        {
            return StatementOutcome.Refused(statement.Id, "", $"The statement's JWS is {submitted.Jws.Length} characters; the log takes at most {SubmittedStatement.MaxJwsLength}, so that auditors can read every entry in an entry bundle.");
        }
        return statement.IssuedAt > writer.Now + options.Value.MaxClockSkew
            ? StatementOutcome.Refused(statement.Id, "issuedAt", $"The statement is issued at {statement.IssuedAt:O}, in the future.")
            : null;
    }

    // Checked after the look-up of earlier recordings: a retry of a recorded statement gets its
    // original result even when the key was retired since.
    private StatementOutcome? KeyRefusal(SubmittedStatement submitted)
    {
        var statement = submitted.Statement;
        if (!_model.Keys.TryGetValue(submitted.Kid, out var key))
        {
            return StatementOutcome.Refused(statement.Id, "kid", $"{ProviderId} has no key {submitted.Kid}.");
        }
        return Key(key).IsValidAt(statement.IssuedAt)
            ? null
            : StatementOutcome.Refused(statement.Id, "kid", $"Key {submitted.Kid} was not valid at the statement's issuedAt {statement.IssuedAt:O}.");
    }

    private async Task<StatementOutcome> RepeatOfAsync(SubmittedStatement submitted, InFlight prior)
    {
        var first = await prior.Outcome;
        if (!submitted.PayloadSha256.AsSpan().SequenceEqual(prior.PayloadSha256))
        {
            return StatementOutcome.Refused(submitted.Statement.Id, "id", "The statement id was used before for different content.");
        }
        return first.Result == StatementResult.Recorded ? first with { Result = StatementResult.Duplicate } : first;
    }

    private async Task<StatementOutcome> RepeatAsync(string statementId, byte[] payloadSha256, byte[] recordedSha256, long index)
    {
        if (!payloadSha256.AsSpan().SequenceEqual(recordedSha256))
        {
            return StatementOutcome.Refused(statementId, "id", $"The statement id was used before, at entry {index}, for different content.");
        }
        var entry = (await ledger.ReadEntriesAsync(index, 1))[0];
        return StatementOutcome.Repeated(statementId, index, entry.LeafHash, LogEntry.FromLeaf(entry.Leaf).Notes);
    }

    private async Task<string?> OwnerAsync(string handle) =>
        await owners.OwnerAsync(handle) is { } owner && owner.ProviderId == ProviderId ? owner.PersonId : null;

    private async Task<LoggedEntry> CommitAsync(PendingEntry entry)
    {
        var logged = (await writer.AppendAsync([entry]))[0];
        foreach (var change in EntryProjection.Changes(logged.Decoded))
        {
            _model.Apply(change);
        }
        return logged;
    }

    private async Task TakeTurnAsync(Func<Task> change)
    {
        await _turn.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            _turn.Release();
        }
    }

    private void RequireRegistered()
    {
        if (_model.Registration is null)
        {
            throw new InvalidOperationException($"{ProviderId} is not registered.");
        }
    }

    private static ProviderKey Key(ProviderKeyRow row) => new(
        row.Kid,
        row.PublicKey,
        DateTimeOffset.FromUnixTimeMilliseconds(row.ValidFromMs),
        row.ValidUntilMs is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
        row.RetiredAtMs is { } retired ? DateTimeOffset.FromUnixTimeMilliseconds(retired) : null,
        row.AddedIndex);

    private static ProfileVersion Profile(ProfileRow row) =>
        new(row.Version, (int)row.Level, row.Statement, DateTimeOffset.FromUnixTimeMilliseconds(row.DeclaredAtMs), row.EntryIndex);

    private static TermsVersion Terms(TermsRow row)
    {
        var summary = StoredStatement.Parse<TermsDeclared>(row.Statement).Summary;
        return new TermsVersion(row.Sha256, row.Version, row.Title, summary.DeletionDays, summary.OnwardTransferAllowed, row.Statement,
            DateTimeOffset.FromUnixTimeMilliseconds(row.DeclaredAtMs), row.EntryIndex);
    }

    private sealed record InFlight(byte[] PayloadSha256, Task<StatementOutcome> Outcome);
}
