namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>A breach with its assessment and the reports due, counting down from the time of the response.</summary>
/// <param name="Breach">The breach as it stands.</param>
/// <param name="Assessment">The assessment: the logged report, or a preview computed now.</param>
/// <param name="Logged">Whether <paramref name="Assessment"/> is the signed report in the log (else a preview).</param>
/// <param name="EntryIndex">The log index of the signed report, when logged.</param>
/// <param name="Deadlines">Each report due, with the time left.</param>
/// <param name="At">When this response was made; the time left counts from here.</param>
public sealed record BreachReportResponse(
    BreachView Breach,
    BreachAssessment Assessment,
    bool Logged,
    long? EntryIndex,
    IReadOnlyList<DeadlineCountdown> Deadlines,
    DateTimeOffset At)
{
    /// <summary>The report of <paramref name="breach"/>: its logged assessment if any, else <paramref name="preview"/>.</summary>
    public static BreachReportResponse From(BreachView breach, BreachAssessment? preview, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var assessment = breach.Assessment?.Assessment ?? preview ?? throw new ArgumentNullException(nameof(preview));
        return new BreachReportResponse(breach, assessment, breach.Assessment is not null, breach.Assessment?.EntryIndex,
            [.. assessment.Deadlines.Select(d => new DeadlineCountdown(d.Law, d.Report, d.DueAt, (long)Math.Floor((d.DueAt - now).TotalSeconds), d.DueAt < now))],
            now);
    }
}

/// <summary>A report that is due and the time left.</summary>
/// <param name="Law"><c>appi</c> or <c>gdpr</c>.</param>
/// <param name="Report">Which report.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="SecondsLeft">Seconds until the deadline; negative once passed.</param>
/// <param name="Passed">Whether the deadline has passed.</param>
public sealed record DeadlineCountdown(string Law, string Report, DateTimeOffset DueAt, long SecondsLeft, bool Passed);
