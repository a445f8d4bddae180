using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// Computes a breach's impact from the projections as they stood in the window: a copy counts when the
/// holder got it by the end of the window and had not released it before the start; a hop counts as
/// secondary exposure when the holder had reported it by the end of the window.
/// </summary>
public sealed class BreachImpactCalculator(BreachImpactQuery query, CustodyQueries custody)
{
    /// <summary>The impact of a breach at <paramref name="holder"/>; with <paramref name="withPeople"/> also who is affected and how.</summary>
    public async Task<BreachImpact> ComputeAsync(string holder, BreachDetails details, bool withPeople, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var fromMs = details.WindowFrom.ToUnixTimeMilliseconds();
        var untilMs = details.WindowUntil.ToUnixTimeMilliseconds();
        var profiles = await HolderProfilesAsync(holder).ConfigureAwait(false);
        var involves = new CategoryFilter(details.Categories);

        // Read beside the copies, on connections and threads of their own (SQLite's reads complete before they return):
        // the report waits for the slowest of these, not their sum.
        var passedOn = Task.Run(() => query.PassedOnAsync(holder, untilMs, cancellationToken).ToListAsync(cancellationToken).AsTask(), cancellationToken);
        var personOf = withPeople ? Task.Run(() => query.PeopleAtAsync(holder, cancellationToken), cancellationToken) : null;
        var senderHandles = withPeople ? Task.Run(() => query.SenderHandlesToAsync(holder, cancellationToken), cancellationToken) : null;

        var tally = new ImpactTally();
        var people = new Dictionary<string, PersonCopies>(StringComparer.Ordinal);
        await foreach (var copy in query.HeldAsync(holder, fromMs, untilMs, cancellationToken).ConfigureAwait(false))
        {
            if (!involves.Matches(copy.Category))
            {
                continue;
            }
            var level = copy.ProfileVersion is { } version && profiles.Levels.TryGetValue(version, out var known) ? known : 0;
            var sensitivity = involves.Sensitivity(copy.Category);
            tally.Held(copy, level, sensitivity);
            if (withPeople)
            {
                if (!people.TryGetValue(copy.Handle, out var person))
                {
                    people[copy.Handle] = person = new PersonCopies();
                }
                person.Copies.Add(new HeldCopyOf(copy, sensitivity != SensitiveData.None, level));
            }
        }

        // A large holder's hops name few distinct sets of categories: each set is parsed and filtered once.
        var involvedOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var hop in await passedOn.ConfigureAwait(false))
        {
            if (!tally.IsAffected(hop.SenderHandle))
            {
                continue;
            }
            if (!involvedOf.TryGetValue(hop.Categories, out var categories))
            {
                involvedOf[hop.Categories] = categories = [.. EntryProjection.ReadArray(hop.Categories).Where(involves.Matches)];
            }
            if (categories.Count == 0)
            {
                continue;
            }
            tally.PassedOn(hop);
            if (withPeople)
            {
                people[hop.SenderHandle].PassedOn.Add(new OnwardCopy(hop.Recipient, hop.RecipientHandle, categories, hop.TermsSha256));
            }
        }

        var named = await query.ProvidersAsync([holder, .. tally.Providers], cancellationToken).ConfigureAwait(false);
        var affected = withPeople ? Affected(people, await personOf!.ConfigureAwait(false), await senderHandles!.ConfigureAwait(false)) : [];
        var jurisdictions = named.Values.Select(p => p.Jurisdiction).Concat(profiles.StorageJurisdictions(tally.ProfileVersions));
        return new BreachImpact(
            tally.Figures([.. jurisdictions.Distinct().Order(StringComparer.Ordinal)]),
            tally.LowestLevel,
            tally.AppiSpecialCare,
            tally.Financial,
            tally.PeopleBySource(),
            affected,
            named.ToDictionary(p => p.Key, p => p.Value.Name, StringComparer.Ordinal));
    }

    private static List<AffectedPerson> Affected(
        Dictionary<string, PersonCopies> people, IReadOnlyDictionary<string, string> personOf, IReadOnlyDictionary<long, string> senderHandles) =>
        [.. people.Select(p => new AffectedPerson(
            p.Key,
            personOf.GetValueOrDefault(p.Key),
            [.. p.Value.Copies.Select(c => new AffectedCopy(
                c.Copy.Category, c.Sensitive, c.Level, c.Copy.SourceHolder, c.Copy.ViaHop is { } hop ? senderHandles.GetValueOrDefault(hop) : null, c.Copy.TermsSha256))],
            p.Value.PassedOn))];

    private async Task<HolderProfiles> HolderProfilesAsync(string holder)
    {
        var state = await custody.ProviderAsync(holder).ConfigureAwait(false);
        return new HolderProfiles(
            state.Profiles.ToDictionary(p => p.Version, p => (int)p.Level),
            state.Profiles.ToDictionary(p => p.Version, p => StoredStatement.Parse<ProfileDeclared>(p.Statement).StorageJurisdictions));
    }

    private sealed record HolderProfiles(IReadOnlyDictionary<long, int> Levels, IReadOnlyDictionary<long, EquatableArray<string>> Storage)
    {
        public IEnumerable<string> StorageJurisdictions(IEnumerable<long> versions) =>
            versions.SelectMany(v => Storage.TryGetValue(v, out var countries) ? countries : EquatableArray<string>.Empty);
    }

    private readonly record struct HeldCopyOf(BreachImpactQuery.HeldCopy Copy, bool Sensitive, int Level);

    private sealed class PersonCopies
    {
        public List<HeldCopyOf> Copies { get; } = [];

        public List<OnwardCopy> PassedOn { get; } = [];
    }
}
