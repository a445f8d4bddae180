namespace DataCustody.Grains.Custody.Breaches;

/// <summary>Categories as a breach's affected list and messages name them: each once, in ordinal order.</summary>
internal static class CategoryOrder
{
    // A person holds a handful of categories, and a large breach lists hundreds of thousands of people and handles:
    // a list and a sort with a cached comparison cost a fraction of LINQ's Distinct and Order, which build a set and
    // a sorter on every call.
    public static List<string> Of(IEnumerable<string> categories)
    {
        var distinct = new List<string>();
        foreach (var category in categories)
        {
            if (!distinct.Contains(category))
            {
                distinct.Add(category);
            }
        }
        distinct.Sort(string.CompareOrdinal);
        return distinct;
    }
}
