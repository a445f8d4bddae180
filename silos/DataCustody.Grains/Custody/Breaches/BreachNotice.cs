using System.Globalization;
using System.Text;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// The inbox message an affected person gets: what happened, which of their data, held by whom and how it
/// got there, what protection applied, and what they can do. Factual and calm: no blame, no alarm.
/// </summary>
public static class BreachNotice
{
    /// <summary>The message kind in the inbox.</summary>
    public const string Kind = "breach";

    /// <summary>The title of every breach message about <paramref name="holderName"/>.</summary>
    public static string Title(string holderName) => $"A security incident at {holderName} involved your data";

    // A breach's messages are written one after another on one thread, tens of thousands at a large holder: one
    // builder per thread, cleared for each, leaves the finished text as the only allocation, instead of the chunks a
    // new builder allocates as it grows.
    [ThreadStatic]
    private static StringBuilder? t_text;

    /// <summary>The body of the message to <paramref name="person"/>.</summary>
    public static string Body(string breachId, BreachDetails details, string holder, BreachImpact impact, AffectedPerson person)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(person);
        var holderName = Name(impact, holder);
        var text = t_text ??= new StringBuilder(2048);
        text.Clear();
        text.Append(CultureInfo.InvariantCulture,
            $"{holderName} reported a security incident (reference {breachId}) affecting data it held between {Day(details.WindowFrom)} and {Day(details.WindowUntil)}. ");
        text.Append(details.Summary.TrimEnd()).Append("\n\n");

        text.Append("Your data it held then: ").Append(string.Join(", ", CategoryOrder.Of(person.Copies.Select(c => c.Category)))).Append('.');
        if (person.Copies.Any(c => c.Sensitive))
        {
            text.Append(" Some of it is sensitive (such as health information).");
        }
        text.Append("\n\nHow it got there: ");
        var sources = person.Copies.Select(c => c.SourceHolder).Distinct().ToList();
        text.Append(string.Join("; ", sources.Select(source => source is null
            ? "you gave it to them directly"
            : $"{Name(impact, source)} passed it on to them"))).Append('.');

        var levels = person.Copies.Select(c => c.Level).Distinct().Order().ToList();
        text.Append("\n\nProtection: ").Append(levels.All(l => l == 0)
            ? $"{holderName} had not declared a protection level."
            : $"{holderName} had declared protection level {string.Join(" and ", levels.Where(l => l > 0))} of 4.");

        var recipients = person.PassedOn.Select(p => p.Recipient).Distinct().ToList();
        if (recipients.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n\n{holderName} had also passed some of this data on to {string.Join(", ", recipients.Select(r => Name(impact, r)))}; those copies were not part of the incident, but you may want to review them.");
        }

        text.Append("\n\nWhat you can do: look at your custody view to see everyone who holds your data; revoke consents you no longer want; ")
            .Append(CultureInfo.InvariantCulture, $"ask {holderName} for details at {details.Contact}. ")
            .Append("Be careful with unexpected messages that ask for passwords or payment details.");
        return text.ToString();
    }

    private static string Name(BreachImpact impact, string provider) => impact.Names.TryGetValue(provider, out var name) ? name : provider;

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
