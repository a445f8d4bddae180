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

    /// <summary>The consent that allows holding the categories for the purposes, or the reasons none does.</summary>
    public static (string? ConsentId, IReadOnlyList<string> Reasons) ForUse(
        IEnumerable<Candidate> consents, string holder, IReadOnlyCollection<string> categories, IReadOnlyCollection<string> purposes, DateTimeOffset now)
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
        IReadOnlyCollection<string> categories, IReadOnlyCollection<string> purposes, DateTimeOffset now)
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

    private static IEnumerable<Candidate> InForce(IEnumerable<Candidate> consents, string holder, DateTimeOffset now, List<string> reasons)
    {
        var any = false;
        foreach (var consent in consents.Where(c => c.Row.Holder == holder).OrderBy(c => c.Row.GrantedIndex))
        {
            any = true;
            if (consent.Row.Status != "active")
            {
                reasons.Add($"consent {consent.Row.ConsentId} was {consent.Row.Status}");
            }
            else if (consent.Terms.ExpiresAt <= now)
            {
                reasons.Add($"consent {consent.Row.ConsentId} expired at {consent.Terms.ExpiresAt:u}");
            }
            else
            {
                yield return consent;
            }
        }
        if (!any)
        {
            reasons.Add($"the person gave {holder} no consent");
        }
    }

    private static string? Uncovered(ConsentTerms terms, IReadOnlyCollection<string> categories, IReadOnlyCollection<string> purposes)
    {
        var categoriesMissing = categories.Where(c => !terms.Categories.Any(g => FideslangTaxonomy.Covers(g, c))).ToList();
        var purposesMissing = purposes.Where(p => !terms.Purposes.Any(g => FideslangTaxonomy.Covers(g, p))).ToList();
        if (categoriesMissing.Count == 0 && purposesMissing.Count == 0)
        {
            return null;
        }
        return string.Join(" and ", new[]
        {
            categoriesMissing.Count > 0 ? "categories " + string.Join(", ", categoriesMissing) : null,
            purposesMissing.Count > 0 ? "purposes " + string.Join(", ", purposesMissing) : null,
        }.Where(part => part is not null));
    }
}
