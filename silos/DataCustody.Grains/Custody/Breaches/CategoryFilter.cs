using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// Which data categories a breach involves. A copy of a category is involved when a named category covers
/// it or it covers a named one: a breach of <c>user.contact</c> exposes a copy of <c>user.contact.email</c>,
/// and a breach of <c>user.contact.email</c> exposes a copy of all of <c>user.contact</c>. No categories
/// named means every category.
/// </summary>
internal sealed class CategoryFilter(IReadOnlyList<string> involved)
{
    // A large holder holds hundreds of thousands of copies of a few dozen categories: each is judged once.
    private readonly Dictionary<string, bool> _matches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SensitiveData> _sensitivity = new(StringComparer.Ordinal);

    public bool Matches(string category)
    {
        if (!_matches.TryGetValue(category, out var matches))
        {
            matches = involved.Count == 0 || involved.Any(c => FideslangTaxonomy.Covers(c, category) || FideslangTaxonomy.Covers(category, c));
            _matches[category] = matches;
        }
        return matches;
    }

    public SensitiveData Sensitivity(string category)
    {
        if (!_sensitivity.TryGetValue(category, out var sensitivity))
        {
            sensitivity = FideslangTaxonomy.Default.TryResolveCategory(category, out var known, out _) ? known.Sensitivity : SensitiveData.None;
            _sensitivity[category] = sensitivity;
        }
        return sensitivity;
    }
}
