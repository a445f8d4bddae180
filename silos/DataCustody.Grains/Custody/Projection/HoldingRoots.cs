using DataCustody.Grains.Ledger;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// The consents a copy depends on, as a holding row keeps them: the first in
/// <see cref="HoldingRow.RootConsentId"/>, any others (a copy passed on with no consent of its own
/// inherits all of its sender's) in <see cref="HoldingRow.FurtherRootConsentIds"/>; and whether it
/// stands on a basis of its own as well (<see cref="HoldingRow.OnOwnBasis"/>).
/// </summary>
public static class HoldingRoots
{
    /// <summary>The consents <paramref name="copy"/> depends on, the first first; none when it depends on no consent.</summary>
    public static IEnumerable<string> Of(HoldingRow copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy.RootConsentId is not { } first)
        {
            yield break;
        }
        yield return first;
        foreach (var further in EntryProjection.ReadArray(copy.FurtherRootConsentIds))
        {
            yield return further;
        }
    }

    /// <summary><paramref name="copy"/> depending on <paramref name="consents"/>.</summary>
    public static HoldingRow With(HoldingRow copy, IReadOnlyList<string> consents)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var (first, further) = Columns(consents);
        return copy with { RootConsentId = first, FurtherRootConsentIds = further };
    }

    /// <summary>The values of the two columns that say a copy depends on <paramref name="consents"/>.</summary>
    public static (string? RootConsentId, string? FurtherRootConsentIds) Columns(IReadOnlyList<string> consents)
    {
        ArgumentNullException.ThrowIfNull(consents);
        return (consents.Count > 0 ? consents[0] : null, consents.Count > 1 ? EntryProjection.Array(consents.Skip(1)) : null);
    }

    /// <summary>
    /// The consents the copies of <paramref name="category"/> that a transfer made depend on: those
    /// they inherit, else the consent that allowed the transfer.
    /// </summary>
    /// <remarks>
    /// Matched exactly: the broker works out what copies inherit for the categories of the copies the hop
    /// made, the receipt's when the recipient reported first (which may lie beneath those sent).
    /// </remarks>
    public static IReadOnlyList<string> For(string category, string? rootConsentId, IReadOnlyList<InheritedRoots>? inherited)
    {
        foreach (var roots in inherited ?? [])
        {
            if (roots.Category == category)
            {
                return roots.Consents;
            }
        }
        return rootConsentId is null ? [] : [rootConsentId];
    }

    /// <summary>
    /// Whether the copies of <paramref name="category"/> that a transfer made stand on its basis, as the
    /// transfer's <see cref="EntryNotes.OwnBasis"/> says: the sender held the category on a basis of its own.
    /// </summary>
    public static bool OnOwnBasis(string category, IReadOnlyList<string>? ownBasis) =>
        ownBasis?.Contains(category, StringComparer.Ordinal) == true;
}
