using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Whether a person's consents allow a holder to use or pass on categories of their data: the
/// rules behind the transfer check and behind the violations flagged on statements.
/// </summary>
public static class ConsentRules
{
    /// <summary>An active consent in force at <paramref name="now"/> whose terms came from <paramref name="terms"/>.</summary>
    public sealed record Candidate(ConsentRow Row, ConsentTerms Terms);

    /// <summary>
    /// Whether <paramref name="consent"/> is in force at <paramref name="now"/>: neither revoked nor
    /// past its expiry, whether or not the expiry sweep has logged the expiry yet.
    /// </summary>
    public static bool IsActive(ConsentRow consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return consent.Status == "active" && consent.ExpiresAtMs > now.ToUnixTimeMilliseconds();
    }

    /// <summary>The consent that allows holding the categories for the purposes, or the reasons none does.</summary>
    public static (string? ConsentId, IReadOnlyList<string> Reasons) ForUse(
        IEnumerable<Candidate> consents, string holder, IReadOnlyList<string> categories, IReadOnlyList<string> purposes, DateTimeOffset now)
    {
        var reasons = new List<string>();
        foreach (var consent in InForce(consents, holder, now, reasons))
        {
            var missing = Uncovered(consent.Terms, categories, purposes);
            if (missing is null)
            {
                return (consent.Row.ConsentId, []);
            }
            reasons.Add($"consent {consent.Row.ConsentId} does not cover {missing}");
        }
        return (null, reasons);
    }

    /// <summary>
    /// The consent that allows passing the categories to <paramref name="recipient"/> for the
    /// purposes (named as a recipient, or meeting the consent's minimum level under named terms),
    /// or the reasons none does.
    /// </summary>
    public static (string? ConsentId, IReadOnlyList<string> Reasons) ForTransfer(
        IEnumerable<Candidate> consents, string sender, string recipient, int recipientLevel, string? termsSha256,
        IReadOnlyList<string> categories, IReadOnlyList<string> purposes, DateTimeOffset now)
    {
        var reasons = new List<string>();
        foreach (var consent in InForce(consents, sender, now, reasons))
        {
            var missing = Uncovered(consent.Terms, categories, purposes);
            if (missing is not null)
            {
                reasons.Add($"consent {consent.Row.ConsentId} does not cover {missing}");
                continue;
            }
            var onward = consent.Terms.OnwardTransfer;
            if (!onward.Allowed)
            {
                reasons.Add($"consent {consent.Row.ConsentId} does not allow onward transfer");
                continue;
            }
            if (onward.Recipients.Contains(recipient))
            {
                return (consent.Row.ConsentId, []);
            }
            if (onward.MinimumLevel is not { } minimum)
            {
                reasons.Add($"consent {consent.Row.ConsentId} does not name {recipient} as a recipient");
                continue;
            }
            if (recipientLevel < minimum)
            {
                reasons.Add($"consent {consent.Row.ConsentId} asks for protection level {minimum}; {recipient} declares {recipientLevel}");
                continue;
            }
            if (onward.TermsSha256.Count > 0 && (termsSha256 is null || !onward.TermsSha256.Contains(termsSha256)))
            {
                reasons.Add($"consent {consent.Row.ConsentId} allows transfers only under terms {string.Join(", ", onward.TermsSha256)}");
                continue;
            }
            return (consent.Row.ConsentId, []);
        }
        return (null, reasons);
    }

    /// <summary>
    /// Whether <see cref="ForTransfer"/> may read the recipient's declared level: some consent
    /// given to <paramref name="sender"/> lets data go to recipients it does not name if they
    /// declare a minimum level. When not, the level can be left unknown.
    /// </summary>
    public static bool MayDependOnRecipientLevel(IEnumerable<Candidate> consents, string sender, string recipient)
    {
        foreach (var consent in consents)
        {
            var onward = consent.Terms.OnwardTransfer;
            if (consent.Row.Holder == sender && onward.Allowed && onward.MinimumLevel is not null && !onward.Recipients.Contains(recipient))
            {
                return true;
            }
        }
        return false;
    }

    // The holder's consents in force, oldest first; each one passed over adds the reason it does
    // not count. Loops, not LINQ: this runs on every transfer check.
    private static IEnumerable<Candidate> InForce(IEnumerable<Candidate> consents, string holder, DateTimeOffset now, List<string> reasons)
    {
        var ofHolder = new List<Candidate>();
        foreach (var consent in consents)
        {
            if (consent.Row.Holder == holder)
            {
                ofHolder.Add(consent);
            }
        }
        if (ofHolder.Count == 0)
        {
            reasons.Add($"the person gave {holder} no consent");
            yield break;
        }
        ofHolder.Sort(OldestFirst);
        foreach (var consent in ofHolder)
        {
            if (consent.Row.Status != "active")
            {
                reasons.Add($"consent {consent.Row.ConsentId} was {consent.Row.Status}");
            }
            else if (!IsActive(consent.Row, now))
            {
                reasons.Add($"consent {consent.Row.ConsentId} expired at {consent.Terms.ExpiresAt:u}");
            }
            else
            {
                yield return consent;
            }
        }
    }

    private static readonly Comparison<Candidate> OldestFirst = (a, b) => a.Row.GrantedIndex.CompareTo(b.Row.GrantedIndex);

    private static string? Uncovered(ConsentTerms terms, IReadOnlyList<string> categories, IReadOnlyList<string> purposes)
    {
        var categoriesMissing = NotCovered(categories, terms.Categories);
        var purposesMissing = NotCovered(purposes, terms.Purposes);
        if (categoriesMissing is null && purposesMissing is null)
        {
            return null;
        }
        return string.Join(" and ", new[]
        {
            categoriesMissing is not null ? "categories " + string.Join(", ", categoriesMissing) : null,
            purposesMissing is not null ? "purposes " + string.Join(", ", purposesMissing) : null,
        }.Where(part => part is not null));
    }

    private static List<string>? NotCovered(IReadOnlyList<string> keys, EquatableArray<string> granted)
    {
        List<string>? missing = null;
        for (var i = 0; i < keys.Count; i++)
        {
            if (!AnyCovers(granted, keys[i]))
            {
                (missing ??= []).Add(keys[i]);
            }
        }
        return missing;
    }

    private static bool AnyCovers(EquatableArray<string> granted, string key)
    {
        for (var i = 0; i < granted.Count; i++)
        {
            if (FideslangTaxonomy.Covers(granted[i], key))
            {
                return true;
            }
        }
        return false;
    }
}
