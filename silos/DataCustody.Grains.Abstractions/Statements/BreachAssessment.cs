namespace DataCustody.Grains.Statements;

/// <summary>The broker's assessment of a breach: its impact, urgency, whether it must be reported and by when.</summary>
/// <param name="Figures">The impact in figures.</param>
/// <param name="Urgency"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>, by the rule in docs/breaches.md.</param>
/// <param name="Appi">Whether Japan's APPI requires a report to the Personal Information Protection Commission.</param>
/// <param name="Gdpr">Whether GDPR article 33 requires a notification to a supervisory authority.</param>
/// <param name="Deadlines">The reports that follow, with their deadlines.</param>
/// <param name="Notified">How many people the broker sent an inbox message.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachAssessment")]
public sealed record BreachAssessment(
    [property: Id(0)] BreachFigures Figures,
    [property: Id(1)] string Urgency,
    [property: Id(2)] LawAssessment Appi,
    [property: Id(3)] LawAssessment Gdpr,
    [property: Id(4)] EquatableArray<ReportDeadline> Deadlines,
    [property: Id(5)] int Notified);

/// <summary>Whether one law requires the breach to be reported, and why.</summary>
/// <param name="Reportable">Whether a report is required.</param>
/// <param name="Reasons">The grounds that make it reportable, or why it is not (1-10 short sentences).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.LawAssessment")]
public sealed record LawAssessment([property: Id(0)] bool Reportable, [property: Id(1)] EquatableArray<string> Reasons);

/// <summary>A report that is due.</summary>
/// <param name="Law"><c>appi</c> or <c>gdpr</c>.</param>
/// <param name="Report">Which report, such as <c>preliminary</c>, <c>final</c> or <c>authority</c>.</param>
/// <param name="DueAt">Its deadline.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ReportDeadline")]
public sealed record ReportDeadline([property: Id(0)] string Law, [property: Id(1)] string Report, [property: Id(2)] DateTimeOffset DueAt);
