using System.Diagnostics;
using DataCustody.Benchmarks.Custody;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// Plays the planned lives day by day through the real grains, as the custody load does: people
/// grant and revoke consents through their citizen grains, providers sign their statements and
/// submit them in batches through their provider grains. Each day the broker's clock moves on:
/// providers revise in the morning and the broker logs passed deadlines, people act before noon,
/// providers report in the afternoon.
/// </summary>
internal sealed class GenerationRun
{
    private const double AnswerShare = 0.75;

    private readonly IGrainFactory _grains;
    private readonly ProviderCatalog _catalog;
    private readonly Timeline _timeline;
    private readonly FakeTimeProvider _clock;
    private readonly IReadOnlyList<PersonPlan> _plans;
    private readonly PersonState[] _states;
    private readonly List<(PersonPlan Plan, PersonStep Step)>[] _stepsByDay;
    private readonly Dictionary<string, int> _ranks;
    // Receipts the recipients report the day after the transfer, by day: by then the transfer's
    // outcome has told the recipient its handle of the person, as the broker's answer does.
    private readonly List<(int Person, HopStep Hop, string TransferId)>[] _receiptsByDay;
    // The day's transfers, so their outcomes can hand the recipient's handle to the person's state.
    private readonly Dictionary<string, (int Person, int Recipient)> _transfers = new(StringComparer.Ordinal);
    private long _citizenCalls;

    public GenerationRun(IGrainFactory grains, ProviderCatalog catalog, Timeline timeline, FakeTimeProvider clock, IReadOnlyList<PersonPlan> plans)
    {
        (_grains, _catalog, _timeline, _clock, _plans) = (grains, catalog, timeline, clock, plans);
        _states = [.. plans.Select(_ => new PersonState())];
        _stepsByDay = [.. Enumerable.Range(0, Timeline.Days).Select(_ => new List<(PersonPlan, PersonStep)>())];
        _receiptsByDay = [.. Enumerable.Range(0, Timeline.Days).Select(_ => new List<(int, HopStep, string)>())];
        foreach (var plan in plans)
        {
            foreach (var step in plan.Steps)
            {
                _stepsByDay[step.Day].Add((plan, step));
            }
        }
        _ranks = catalog.Providers.Select((p, rank) => (p.Id, rank)).ToDictionary(p => p.Id, p => p.rank, StringComparer.Ordinal);
    }

    /// <summary>What became of every statement submitted.</summary>
    public OutcomeTally Tally { get; } = new();

    /// <summary>Consents granted and revoked and handles asked for, through the citizen grains.</summary>
    public long CitizenCalls => Interlocked.Read(ref _citizenCalls);

    /// <summary>Deadlines the broker logged as they passed (obligations overdue).</summary>
    public long DeadlinesLogged { get; private set; }

    /// <summary>Time spent on people's calls (consents, revocations, handles), where each new person and handle is also a registry write.</summary>
    public TimeSpan PeopleTime { get; private set; }

    /// <summary>Time spent signing and submitting provider statements.</summary>
    public TimeSpan StatementTime { get; private set; }

    /// <summary>Statements of hops (data.transferred and data.received) submitted.</summary>
    public long HopStatements { get; private set; }

    /// <summary>Runs the steps of <paramref name="day"/>.</summary>
    public async Task RunDayAsync(int day, CancellationToken cancellationToken)
    {
        // People acting at once and batches in flight, as in the custody load's setup.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PopulationSetup.Concurrency, CancellationToken = cancellationToken };
        var steps = _stepsByDay[day];

        _clock.SetUtcNow(_timeline.MorningOf(day));
        foreach (var revision in _catalog.Revisions.Where(r => r.Day == day))
        {
            await _catalog.ReviseAsync(_grains, revision, _clock.GetUtcNow());
        }
        var sweeper = _grains.GetGrain<IDeadlineSweeperGrain>(0);
        for (var logged = await sweeper.Sweep(); logged > 0; logged = await sweeper.Sweep())
        {
            DeadlinesLogged += logged;
        }

        _clock.SetUtcNow(_timeline.PeopleActOn(day));
        var started = Stopwatch.GetTimestamp();
        var receipts = _receiptsByDay[day];
        await Parallel.ForEachAsync(steps, parallel, async (s, _) =>
            await ActAsync(s.Plan, s.Step, _clock.GetUtcNow()));
        // Only in case a transfer's outcome brought no handle: the recipient asks the broker.
        await Parallel.ForEachAsync(receipts, parallel, async (receipt, _) =>
            await HandleAsync(_grains.GetGrain<ICitizenGrain>(_plans[receipt.Person].PersonId), _states[receipt.Person], receipt.Hop.Recipient));

        PeopleTime += Stopwatch.GetElapsedTime(started);

        _clock.SetUtcNow(_timeline.ReportsOf(day));
        started = Stopwatch.GetTimestamp();
        var issuedAt = _timeline.IssuedOn(day);
        _transfers.Clear();
        var planned = steps.SelectMany(s => Report(s.Plan, s.Step, issuedAt))
            .Concat(receipts.Select(r => Receipt(r.Person, r.Hop, r.TransferId, issuedAt)))
            .ToList();
        HopStatements += planned.Count(p => p.Statement is DataTransferred or DataReceived);
        // Signing is the providers' work: both cores, between the broker's turns.
        var signed = new SubmittedStatement[planned.Count];
        Parallel.For(0, planned.Count, i => signed[i] = planned[i].Author.Sign(planned[i].Statement));
        var batches = signed
            .GroupBy(s => s.Statement.Provider, StringComparer.Ordinal)
            .SelectMany(byProvider => byProvider.Chunk(PopulationSetup.StatementsPerSubmit).Select(chunk => (Provider: byProvider.Key, Statements: chunk)))
            .ToList();
        await Parallel.ForEachAsync(batches, parallel, async (batch, _) =>
        {
            try
            {
                var outcomes = await _grains.GetGrain<IProviderGrain>(batch.Provider).Submit(batch.Statements);
                Tally.Add(batch.Statements, outcomes);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (outcomes[i].RecipientHandle is { } handle && _transfers.TryGetValue(batch.Statements[i].Statement.Id, out var transfer))
                    {
                        _states[transfer.Person].Handles[transfer.Recipient] = handle;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Tally.Fail(batch.Statements.Length, e);
            }
        });
        StatementTime += Stopwatch.GetElapsedTime(started);
    }

    /// <summary>What the person does at the broker: grant, revoke, or make sure the providers of the step have a handle of them.</summary>
    private async Task ActAsync(PersonPlan plan, PersonStep step, DateTimeOffset now)
    {
        var citizen = _grains.GetGrain<ICitizenGrain>(plan.PersonId);
        var state = _states[plan.Index];
        switch (step)
        {
            case JoinStep join:
                foreach (var collection in join.Collections)
                {
                    // Consents of a year or two: none ends within the timeline, nor soon after it.
                    var terms = ConsentTemplate.For(
                        collection.Categories, collection.Purposes, [.. collection.ConsentedRecipients.Select(Id)], now.AddDays(365 + (plan.Index % 365)));
                    var consent = await Call(citizen.GrantConsent(Id(collection.Collector), terms));
                    state.Consents[collection.Collector] = consent.ConsentId;
                    state.Handles[collection.Collector] = consent.Handle;
                }
                break;
            case HopStep hop:
                // The sender learnt its handle when it collected or received the data; a recipient
                // that reports a transfer its sender never did has to ask the broker for one.
                await HandleAsync(citizen, state, hop.Sender);
                if (ReceivedSameDay(hop))
                {
                    await HandleAsync(citizen, state, hop.Recipient);
                }
                break;
            case DeleteStep delete:
                await HandleAsync(citizen, state, delete.Holder);
                break;
            case RevokeStep revoke:
                var consentId = state.Consents[revoke.Collector];
                await Call(citizen.RevokeConsent(consentId));
                // Ordered by what they are about, not by their random ids, so the same obligations are answered on every run.
                state.Obligations = [.. (await citizen.GetObligations())
                    .Where(o => o.ConsentId == consentId)
                    .OrderBy(o => o.Holder, StringComparer.Ordinal)
                    .ThenBy(o => string.Join(',', o.Categories), StringComparer.Ordinal)];
                break;
        }
    }

    /// <summary>The statements providers report about the step, signed by them.</summary>
    private IEnumerable<(BenchmarkProvider Author, ProviderStatement Statement)> Report(PersonPlan plan, PersonStep step, DateTimeOffset issuedAt)
    {
        var state = _states[plan.Index];
        switch (step)
        {
            case JoinStep join:
                foreach (var collection in join.Collections)
                {
                    var collector = Provider(collection.Collector);
                    yield return (collector, new DataCollected(
                        collector.NextId(), issuedAt, collector.Id, state.Handles[collection.Collector], [.. collection.Categories],
                        [collection.Purposes[0]], LegalBasis.Consent, state.Consents[collection.Collector]));
                }
                break;
            case HopStep hop:
                var (sender, recipient) = (Provider(hop.Sender), Provider(hop.Recipient));
                var transferId = hop.Report == HopReport.RecipientOnly ? $"{sender.Id}-unreported-{plan.Index}-{hop.Day}" : sender.NextId();
                if (hop.Report != HopReport.RecipientOnly)
                {
                    // Under consent: the consent relied on, or none when it does not allow this recipient (the broker looks and flags it).
                    var (basis, consentId) = hop.UnderConsent
                        ? (LegalBasis.Consent, hop.Unconsented ? null : state.Consents[hop.Sender])
                        : (LegalBasis.Contract, (string?)null);
                    _transfers[transferId] = (plan.Index, hop.Recipient);
                    yield return (sender, new DataTransferred(
                        transferId, issuedAt, sender.Id, state.Handles[hop.Sender], recipient.Id, [.. hop.Categories], [.. hop.Purposes], basis, consentId, sender.TermsSha256));
                }
                if (ReceivedSameDay(hop))
                {
                    yield return Receipt(plan.Index, hop, transferId, issuedAt);
                }
                else if (hop.Report == HopReport.Both)
                {
                    _receiptsByDay[hop.Day + 1].Add((plan.Index, hop, transferId));
                }
                break;
            case DeleteStep delete:
                var holder = Provider(delete.Holder);
                yield return (holder, new DataDeleted(holder.NextId(), issuedAt, holder.Id, state.Handles[delete.Holder], [.. delete.Categories], null));
                break;
            case AnswerStep answer:
                var pick = new Random(answer.Salt);
                foreach (var obligation in state.Obligations)
                {
                    if (pick.NextDouble() < AnswerShare)
                    {
                        var obliged = Provider(_ranks[obligation.Holder]);
                        yield return (obliged, new DataDeleted(
                            obliged.NextId(), issuedAt, obliged.Id, obligation.Handle, [.. obligation.Categories], obligation.ObligationId));
                    }
                }
                break;
        }
    }

    /// <summary>
    /// Whether the recipient reports the hop on the hop's own day, and so has to ask the broker for
    /// its handle: when the sender never reports it, or when the timeline has no day after.
    /// </summary>
    private static bool ReceivedSameDay(HopStep hop) =>
        hop.Report == HopReport.RecipientOnly || (hop.Report == HopReport.Both && hop.Day == Timeline.Days - 1);

    /// <summary>The recipient's half of the hop.</summary>
    private (BenchmarkProvider Author, ProviderStatement Statement) Receipt(int person, HopStep hop, string transferId, DateTimeOffset issuedAt)
    {
        var (sender, recipient) = (Provider(hop.Sender), Provider(hop.Recipient));
        var via = hop.UnderConsent ? $"collected by {sender.Id} with the person's consent" : $"received by {sender.Id} from an upstream holder";
        return (recipient, new DataReceived(
            recipient.NextId(), issuedAt, recipient.Id, _states[person].Handles[hop.Recipient], sender.Id, transferId, [.. hop.Categories], via));
    }

    private async Task HandleAsync(ICitizenGrain citizen, PersonState state, int provider)
    {
        if (!state.Handles.ContainsKey(provider))
        {
            state.Handles[provider] = await Call(citizen.GetHandle(Id(provider)));
        }
    }

    private Task<T> Call<T>(Task<T> call)
    {
        Interlocked.Increment(ref _citizenCalls);
        return call;
    }

    private BenchmarkProvider Provider(int rank) => _catalog.Providers[rank];

    private string Id(int rank) => _catalog.Providers[rank].Id;
}
