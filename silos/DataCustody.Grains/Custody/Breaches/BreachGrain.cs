using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;
using Microsoft.Extensions.Options;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// One breach: its filing and updates (each a logged entry), the assessment that computes its impact
/// from the log, reports it as a signed entry, tells the people affected and asks upstream providers to review,
/// and those providers' answers.
/// </summary>
internal sealed class BreachGrain(
    BreachQueries breaches,
    BreachImpactCalculator calculator,
    BreachNotificationStore notifications,
    EntryWriter writer,
    IOptions<CustodyOptions> options) : Grain, IBreachGrain
{
    // Messages written and stored per batch: small enough that storing starts soon and that the log's appends, which
    // take turns with the batches' transactions, wait little; large enough that a batch is one statement worth
    // sending to PostgreSQL.
    private const int NoticeBatch = 2_000;
    private const int NoticeBatchesAhead = 4;

    private readonly BreachModel _model = new();

    private string BreachId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => this.ActivateAsync(async () =>
    {
        var stored = await breaches.BreachAsync(BreachId);
        foreach (var entry in stored?.Entries ?? [])
        {
            _model.Apply(entry.EntryIndex, DateTimeOffset.FromUnixTimeMilliseconds(entry.RecordedAtMs), StoredStatement.Parse<Statement>(entry.Statement));
        }
    });

    public async Task<BreachView> File(string holder, BreachDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (_model.Exists)
        {
            throw new InvalidOperationException($"A breach {BreachId} was filed already.");
        }
        if (await GrainFactory.GetGrain<IProviderGrain>(holder).GetRegistration() is null)
        {
            throw new ArgumentException($"No provider {holder} is registered.", nameof(holder));
        }
        await CommitAsync([writer.FromBroker(new BreachFiled(CustodyIds.BrokerStatement(), writer.Now, BreachId, holder, details))]);
        return _model.View(BreachId);
    }

    public async Task<StatementOutcome> Record(SubmittedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var id = statement.Statement.Id;
        var refusal = statement.Statement switch
        {
            BreachReported when _model.Exists => StatementOutcome.Refused(id, "breachId", $"A breach {BreachId} was filed already; choose another id."),
            BreachReported => null,
            BreachUpdated when !_model.Exists => StatementOutcome.Refused(id, "breachId", $"No breach {BreachId} was filed."),
            BreachUpdated when _model.Holder != statement.Statement.Provider => StatementOutcome.Refused(id, "breachId", $"Breach {BreachId} is not at {statement.Statement.Provider}."),
            BreachUpdated u when _model.RefusalOf(u.Changes) is { } reason => StatementOutcome.Refused(id, "status", reason),
            BreachUpdated => null,
            BreachReviewed r => await ReviewRefusalAsync(r),
            _ => StatementOutcome.Refused(id, "type", $"{statement.Statement.Type} is not a breach statement."),
        };
        if (refusal is not null)
        {
            return refusal;
        }
        var logged = await CommitAsync([writer.FromProvider(statement, null)]);
        return StatementOutcome.Logged(id, logged[0].Index, logged[0].LeafHash, []);
    }

    public async Task<BreachView> Revise(BreachChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RequireExists();
        if (_model.RefusalOf(changes) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
        await CommitAsync([writer.FromBroker(new BreachRevised(CustodyIds.BrokerStatement(), writer.Now, BreachId, _model.Holder!, changes))]);
        return _model.View(BreachId);
    }

    public Task<BreachView?> Get() => Task.FromResult(_model.Exists ? _model.View(BreachId) : null);

    public async Task<BreachAssessment> PreviewImpact()
    {
        RequireExists();
        var impact = await calculator.ComputeAsync(_model.Holder!, _model.Details!, withPeople: false);
        return BreachRules.Assess(_model.Details!, impact, 0);
    }

    public async Task<BreachView> Assess()
    {
        RequireExists();
        var holder = _model.Holder!;
        var details = _model.Details!;
        var impact = await calculator.ComputeAsync(holder, details, withPeople: true);
        var reached = impact.People.Where(p => p.PersonId is not null).ToList();
        var now = writer.Now;
        var entries = new List<PendingEntry>
        {
            writer.FromBroker(new BreachAssessed(CustodyIds.BrokerStatement(), now, BreachId, holder, BreachRules.Assess(details, impact, reached.Count))),
        };
        var reviewed = (await breaches.ReviewersAsync(BreachId)).ToHashSet(StringComparer.Ordinal);
        foreach (var (upstream, people) in impact.Sources.Where(s => !reviewed.Contains(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            entries.Add(writer.FromBroker(new BreachReviewDue(
                CustodyIds.BrokerStatement(), now, CustodyIds.Obligation(), BreachId, upstream, holder, people, now.AddDays(options.Value.BreachReviewDays))));
        }
        var appended = CommitAsync(entries);

        // Neither the messages' text nor the affected handles depend on where the report lands in the log: they are
        // made while the report is appended, the handles on a thread of their own, the messages batch by batch by one
        // writer at most a few batches ahead of the storing, so a large breach's messages are not all held at once.
        // They are stored only once the report is durable, so every message can point at it, and the storing begins
        // then, with the affected handles joining when they are ready; a message already sent for this breach (an
        // earlier assessment) is not sent again.
        var breachId = BreachId;
        var handles = OnOwnThread(() => AffectedHandles.Of(holder, impact));
        var title = BreachNotice.Title(impact.Names.GetValueOrDefault(holder, holder));
        var createdAtMs = now.ToUnixTimeMilliseconds();
        var written = Channel.CreateBounded<List<InboxStore.Message>>(new BoundedChannelOptions(NoticeBatchesAhead) { SingleReader = true, SingleWriter = true });
        var storingEnded = new CancellationTokenSource();
        _ = Task.Run(() => WriteNoticesAsync(written.Writer, reached, person => new InboxStore.Message(
            MessageId(breachId, person.PersonId!), person.PersonId!, createdAtMs, BreachNotice.Kind, title,
            BreachNotice.Body(breachId, details, holder, impact, person), null), storingEnded.Token));
        try
        {
            var report = (await appended)[0];
            await notifications.StoreAsync(
                breachId, report.Index, handles,
                written.Reader.ReadAllAsync().Select(batch => (IReadOnlyList<InboxStore.Message>)batch.ConvertAll(m => m with { EntryIndex = report.Index })));
        }
        finally
        {
            // A writer waiting for room the storing will never make again stops.
            await storingEnded.CancelAsync();
        }
        return _model.View(breachId);
    }

    // Seconds of work at a large holder: on a thread of its own, because on a thread-pool thread it would hold back
    // the append's and the database's continuations (a two-core machine has two such threads to begin with).
    private static Task<T> OnOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Completes the channel however writing ends, so the reader always finishes: with every batch, or with the failure.
    private static async Task WriteNoticesAsync(
        ChannelWriter<List<InboxStore.Message>> notices, IEnumerable<AffectedPerson> reached, Func<AffectedPerson, InboxStore.Message> notice, CancellationToken storingEnded)
    {
        try
        {
            foreach (var batch in reached.Chunk(NoticeBatch))
            {
                await notices.WriteAsync([.. batch.Select(notice)], storingEnded);
            }
            notices.Complete();
        }
        catch (Exception e)
        {
            notices.Complete(e);
        }
    }

    // One message per person per breach, however often it is assessed and however many paths reached them.
    private static string MessageId(string breachId, string personId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{breachId}\n{personId}")))[..32];

    /// <summary>Why <paramref name="reviewed"/> cannot answer a review of this breach, or null when it can.</summary>
    private async Task<StatementOutcome?> ReviewRefusalAsync(BreachReviewed reviewed)
    {
        if (!_model.Exists)
        {
            return StatementOutcome.Refused(reviewed.Id, "breachId", $"No breach {BreachId} was filed.");
        }
        // From the projection, written in the same transaction as the entries: it holds every review asked
        // and answered, across restarts, as a rebuild from the log would.
        var review = await breaches.ReviewAsync(reviewed.ObligationId);
        if (review is null || review.BreachId != BreachId || review.Holder != reviewed.Provider)
        {
            return StatementOutcome.Refused(reviewed.Id, "obligationId", $"{reviewed.ObligationId} is not a review of breach {BreachId} asked of {reviewed.Provider}.");
        }
        return review.ReviewedIndex is { } answered
            ? StatementOutcome.Refused(reviewed.Id, "obligationId", $"Review {reviewed.ObligationId} was answered already, by entry {answered}.")
            : null;
    }

    private async Task<IReadOnlyList<LoggedEntry>> CommitAsync(IReadOnlyList<PendingEntry> entries)
    {
        var logged = await writer.AppendAsync(entries);
        foreach (var entry in logged.Where(e => e.Decoded.Statement is not BreachReviewDue))
        {
            _model.Apply(entry.Index, DateTimeOffset.FromUnixTimeMilliseconds(entry.Decoded.Entry.RecordedAtMs), entry.Decoded.Statement);
        }
        return logged;
    }

    private void RequireExists()
    {
        if (!_model.Exists)
        {
            throw new ArgumentException($"No breach {BreachId} was filed.", "breachId");
        }
    }
}
