using DataCustody.Grains.Custody.Breaches;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>
/// The affected handles per holder as RFC 4180 CSV, for each holder's own duty to tell its customers: the
/// breached holder's handles, the handles the sources upstream know the same people by, and the handles of
/// the recipients downstream. Handles only: the broker never tells a provider who a person is.
/// </summary>
public static class AffectedHandlesCsv
{
    private static readonly string[] Header = ["holder", "role", "handle", "categories"];

    /// <summary>The CSV text of <paramref name="impact"/> at <paramref name="holder"/>, one row per holder and handle.</summary>
    public static string Write(string holder, BreachImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        var rows = new SortedSet<(string Holder, string Role, string Handle, string Categories)>();
        foreach (var person in impact.People)
        {
            rows.Add((holder, "breached", person.Handle, Join(person.Copies.Select(c => c.Category))));
            foreach (var source in person.Copies.Where(c => c.SourceHolder is not null && c.SourceHandle is not null).GroupBy(c => (c.SourceHolder!, c.SourceHandle!)))
            {
                rows.Add((source.Key.Item1, "upstream", source.Key.Item2, Join(source.Select(c => c.Category))));
            }
            foreach (var onward in person.PassedOn.Where(p => p.RecipientHandle is not null).GroupBy(p => (p.Recipient, p.RecipientHandle!)))
            {
                rows.Add((onward.Key.Recipient, "downstream", onward.Key.Item2, Join(onward.SelectMany(p => p.Categories))));
            }
        }
        return Csv.Write(Header, rows.Select(row => new[] { row.Holder, row.Role, row.Handle, row.Categories }));
    }

    private static string Join(IEnumerable<string> categories) => string.Join(' ', categories.Distinct().Order(StringComparer.Ordinal));
}
