using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>Counts distinct people (the holder's handles) per category, level, terms and provider while copies stream past.</summary>
internal sealed class ImpactTally
{
    private const string FinancialCategory = "user.financial";

    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly HashSet<int> _direct = [];
    private readonly HashSet<int> _sensitive = [];
    private readonly Dictionary<string, (bool Sensitive, HashSet<int> People)> _byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<int>> _byLevel = [];
    private readonly Dictionary<string, HashSet<int>> _byTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Provider, string? Terms), HashSet<int>> _upstream = [];
    private readonly Dictionary<(string Provider, string? Terms), HashSet<int>> _downstream = [];
    private readonly HashSet<long> _profileVersions = [];

    /// <summary>The lowest protection level of any affected copy; 4 while there is none.</summary>
    public int LowestLevel { get; private set; } = 4;

    /// <summary>Whether an affected copy is special-care data under APPI.</summary>
    public bool AppiSpecialCare { get; private set; }

    /// <summary>Whether an affected copy is financial data.</summary>
    public bool Financial { get; private set; }

    /// <summary>The holder's profile versions the affected copies were held under.</summary>
    public IEnumerable<long> ProfileVersions => _profileVersions;

    /// <summary>The providers upstream and downstream.</summary>
    public IEnumerable<string> Providers => _upstream.Keys.Concat(_downstream.Keys).Select(k => k.Provider).Distinct();

    public void Held(BreachImpactQuery.HeldCopy copy, int level, SensitiveData sensitivity)
    {
        if (!_people.TryGetValue(copy.Handle, out var person))
        {
            person = _people.Count;
            _people[copy.Handle] = person;
        }
        if (copy.SourceHolder is null)
        {
            _direct.Add(person);
        }
        else
        {
            Add(_upstream, (copy.SourceHolder, copy.TermsSha256), person);
        }
        if (sensitivity != SensitiveData.None)
        {
            _sensitive.Add(person);
        }
        AppiSpecialCare |= sensitivity.HasFlag(SensitiveData.AppiSpecialCare);
        Financial |= FideslangTaxonomy.Covers(FinancialCategory, copy.Category);
        if (!_byCategory.TryGetValue(copy.Category, out var category))
        {
            _byCategory[copy.Category] = category = (sensitivity != SensitiveData.None, []);
        }
        category.People.Add(person);
        Add(_byLevel, level, person);
        if (copy.TermsSha256 is not null)
        {
            Add(_byTerms, copy.TermsSha256, person);
        }
        if (copy.ProfileVersion is { } version)
        {
            _profileVersions.Add(version);
        }
        LowestLevel = Math.Min(LowestLevel, level);
    }

    /// <summary>Whether the holder's handle belongs to an affected person.</summary>
    public bool IsAffected(string handle) => _people.ContainsKey(handle);

    public void PassedOn(BreachImpactQuery.PassedOn hop) => Add(_downstream, (hop.Recipient, hop.TermsSha256), _people[hop.SenderHandle]);

    /// <summary>Each upstream provider with the people whose copies came from it, under any terms.</summary>
    public IReadOnlyDictionary<string, int> PeopleBySource() => _upstream
        .GroupBy(u => u.Key.Provider, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(u => u.Value).Distinct().Count(), StringComparer.Ordinal);

    public BreachFigures Figures(EquatableArray<string> jurisdictions) => new(
        _people.Count,
        _sensitive.Count,
        _direct.Count,
        [.. Largest(_byCategory, c => c.Value.People.Count, c => c.Key).Select(c => new CategoryCount(c.Key, c.Value.Sensitive, c.Value.People.Count))],
        [.. _byLevel.OrderBy(l => l.Key).Select(l => new LevelCount(l.Key, l.Value.Count))],
        [.. Largest(_byTerms, t => t.Value.Count, t => t.Key).Select(t => new TermsCount(t.Key, t.Value.Count))],
        Counted(_upstream),
        Counted(_downstream),
        jurisdictions);

    private static EquatableArray<ProviderCount> Counted(Dictionary<(string Provider, string? Terms), HashSet<int>> counts) =>
        [.. Largest(counts, p => p.Value.Count, p => p.Key.Provider + " " + p.Key.Terms).Select(p => new ProviderCount(p.Key.Provider, p.Key.Terms, p.Value.Count))];

    // Largest first, ties in key order, so the same log gives the same report.
    private static IEnumerable<T> Largest<T>(IEnumerable<T> items, Func<T, int> people, Func<T, string> key) =>
        items.OrderByDescending(people).ThenBy(key, StringComparer.Ordinal).Take(BreachFigures.MaxListed);

    private static void Add<TKey>(Dictionary<TKey, HashSet<int>> counts, TKey key, int person)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var people))
        {
            counts[key] = people = [];
        }
        people.Add(person);
    }
}
