using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// The affected handles per holder, for each holder's own duty to tell its customers: the breached holder's
/// handles, the handles the sources upstream know the same people by, and the handles of the recipients
/// downstream. Handles only: the broker never tells a provider who a person is.
/// </summary>
public static class AffectedHandles
{
    /// <summary>The handle the breached holder knows an affected person by.</summary>
    public const string Breached = "breached";

    /// <summary>The handle a source that passed the data to the breached holder knows the person by.</summary>
    public const string Upstream = "upstream";

    /// <summary>The handle a recipient the breached holder passed the data to knows the person by.</summary>
    public const string Downstream = "downstream";

    /// <summary>One row per holder, role and handle, with the categories involved, in ordinal order of the three.</summary>
    public static IReadOnlyList<AffectedHandleRow> Of(string holder, BreachImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        var rows = new List<AffectedHandleRow>(impact.People.Count * 2);
        foreach (var person in impact.People)
        {
            rows.Add(Row(holder, Breached, person.Handle, person.Copies.Select(c => c.Category)));
            foreach (var source in person.Copies.Where(c => c.SourceHolder is not null && c.SourceHandle is not null).GroupBy(c => (c.SourceHolder!, c.SourceHandle!)))
            {
                rows.Add(Row(source.Key.Item1, Upstream, source.Key.Item2, source.Select(c => c.Category)));
            }
            foreach (var onward in person.PassedOn.Where(p => p.RecipientHandle is not null).GroupBy(p => (p.Recipient, p.RecipientHandle!)))
            {
                rows.Add(Row(onward.Key.Recipient, Downstream, onward.Key.Item2, onward.SelectMany(p => p.Categories)));
            }
        }
        rows.Sort(static (a, b) =>
        {
            var byHolder = string.CompareOrdinal(a.Holder, b.Holder);
            if (byHolder != 0)
            {
                return byHolder;
            }
            var byRole = string.CompareOrdinal(a.Role, b.Role);
            return byRole != 0 ? byRole : string.CompareOrdinal(a.Handle, b.Handle);
        });
        return rows;
    }

    private static AffectedHandleRow Row(string holder, string role, string handle, IEnumerable<string> categories) => new()
    {
        Holder = holder,
        Role = role,
        Handle = handle,
        Categories = string.Join(' ', CategoryOrder.Of(categories)),
    };
}
