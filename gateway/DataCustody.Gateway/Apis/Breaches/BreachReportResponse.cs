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
    /// <summary>The signed report the broker logged for <paramref name="breach"/>.</summary>
    public static BreachReportResponse FromLog(BreachView breach, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var logged = breach.Assessment ?? throw new ArgumentException("The breach has no logged assessment.", nameof(breach));
        return Create(breach, logged.Assessment, logged.EntryIndex, now);
    }

    /// <summary>An assessment computed now and not logged; the breach is shown without any earlier report, so nothing mixes.</summary>
    public static BreachReportResponse Preview(BreachView breach, BreachAssessment preview, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(preview);
        return Create(breach with { Assessment = null }, preview, null, now);
    }

    private static BreachReportResponse Create(BreachView breach, BreachAssessment assessment, long? entryIndex, DateTimeOffset now) =>
        new(breach, assessment, entryIndex is not null, entryIndex,
            [.. assessment.Deadlines.Select(d => new DeadlineCountdown(d.Law, d.Report, d.DueAt, (long)Math.Floor((d.DueAt - now).TotalSeconds), d.DueAt < now))],
            now);
}

/// <summary>A report that is due and the time left.</summary>
/// <param name="Law"><c>appi</c> or <c>gdpr</c>.</param>
/// <param name="Report">Which report.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="SecondsLeft">Seconds until the deadline; negative once passed.</param>
/// <param name="Passed">Whether the deadline has passed.</param>
public sealed record DeadlineCountdown(string Law, string Report, DateTimeOffset DueAt, long SecondsLeft, bool Passed);
