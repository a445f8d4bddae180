using System.Globalization;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// How the broker judges a breach from its impact: urgency, and whether Japan's APPI and the GDPR require
/// a report, by when. The rules are documented in docs/breaches.md; change both together.
/// </summary>
public static class BreachRules
{
    /// <summary>APPI: more people than this makes any breach reportable (Enforcement Rules art. 7(iv)).</summary>
    public const int AppiPeopleThreshold = 1_000;

    // EU member states and the other EEA countries, where the GDPR applies.
    private static readonly HashSet<string> Eea = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    };

    /// <summary>The assessment of a breach with these details and this impact; <paramref name="notified"/> people were told.</summary>
    public static BreachAssessment Assess(BreachDetails details, BreachImpact impact, int notified)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(impact);
        var appi = Appi(details, impact);
        var gdpr = Gdpr(impact);
        var deadlines = new List<ReportDeadline>();
        if (appi.Reportable)
        {
            // "Promptly" is read by the PPC's guidelines as about 3-5 days; the outer end is the deadline.
            deadlines.Add(new ReportDeadline("appi", "preliminary", details.DiscoveredAt.AddDays(5)));
            deadlines.Add(new ReportDeadline("appi", "final", details.DiscoveredAt.AddDays(details.WrongfulPurpose ? 60 : 30)));
        }
        if (gdpr.Reportable)
        {
            deadlines.Add(new ReportDeadline("gdpr", "authority", details.DiscoveredAt.AddHours(72)));
        }
        return new BreachAssessment(impact.Figures, Urgency(details, impact), appi, gdpr, [.. deadlines], notified);
    }

    /// <summary>
    /// Urgency from a score: sensitivity (2 for sensitive data, 1 for financial data or a risk of financial
    /// loss), protection (2 when any copy was held at level 1 or with no profile, 1 at level 2), scale (2
    /// above 1,000 people, 1 above 100) and 1 for a wrongful purpose. 0 is low, 1-2 medium, 3-4 high, 5 and
    /// more critical; a breach that affects nobody in the log is low.
    /// </summary>
    public static string Urgency(BreachDetails details, BreachImpact impact)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(impact);
        var figures = impact.Figures;
        if (figures.People == 0)
        {
            return "low";
        }
        var sensitivity = figures.SensitivePeople > 0 ? 2 : impact.Financial || details.FinancialLossRisk ? 1 : 0;
        var protection = impact.LowestLevel <= 1 ? 2 : impact.LowestLevel == 2 ? 1 : 0;
        var scale = figures.People > AppiPeopleThreshold ? 2 : figures.People > 100 ? 1 : 0;
        var score = sensitivity + protection + scale + (details.WrongfulPurpose ? 1 : 0);
        return score switch
        {
            0 => "low",
            <= 2 => "medium",
            <= 4 => "high",
            _ => "critical",
        };
    }

    private static LawAssessment Appi(BreachDetails details, BreachImpact impact)
    {
        if (!impact.Figures.Jurisdictions.Contains("JP"))
        {
            return new LawAssessment(false, ["No party involved is in Japan."]);
        }
        var people = impact.Figures.People;
        var reasons = new List<string>();
        if (impact.AppiSpecialCare)
        {
            reasons.Add("Special-care personal information (要配慮個人情報) is involved.");
        }
        if (impact.Financial || details.FinancialLossRisk)
        {
            reasons.Add("Misuse of the data may cause financial loss.");
        }
        if (details.WrongfulPurpose)
        {
            reasons.Add("The breach may have been caused with a wrongful purpose (不正の目的).");
        }
        if (people > AppiPeopleThreshold)
        {
            reasons.Add(Invariant($"More than {AppiPeopleThreshold:N0} people are affected ({people:N0})."));
        }
        return reasons.Count > 0
            ? new LawAssessment(true, [.. reasons])
            : new LawAssessment(false, [Invariant($"None of the APPI grounds applies: no special-care or financial data, no wrongful purpose, {people:N0} people.")]);
    }

    private static LawAssessment Gdpr(BreachImpact impact)
    {
        var people = impact.Figures.People;
        if (!impact.Figures.Jurisdictions.Any(Eea.Contains))
        {
            return new LawAssessment(false, ["No party involved is in the EEA."]);
        }
        if (people == 0)
        {
            return new LawAssessment(false, ["The log shows no personal data held in the window."]);
        }
        var reasons = new List<string>
        {
            Invariant($"Personal data of {people:N0} people was exposed at a party in the EEA (article 33: notify within 72 hours unless unlikely to result in a risk)."),
        };
        if (impact.Figures.SensitivePeople > 0)
        {
            reasons.Add("Special categories of data (article 9) are involved: the people must also be told (article 34).");
        }
        return new LawAssessment(true, [.. reasons]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
