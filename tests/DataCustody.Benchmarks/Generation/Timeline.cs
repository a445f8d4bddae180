namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// The simulated months the history spreads over, one day at a time. It ends before today, so a
/// gateway opening the database afterwards sees no statement from its future, and the consents
/// granted in it (a year or two long) are still in force.
/// </summary>
internal sealed class Timeline(DateTimeOffset today)
{
    public const int Days = 180;

    // Within a day: providers change their profiles and the broker sweeps deadlines in the
    // morning, people act before noon, providers report in the afternoon, an hour after the fact.
    private static readonly TimeSpan Morning = TimeSpan.FromHours(9);
    private static readonly TimeSpan People = TimeSpan.FromHours(10);
    private static readonly TimeSpan Reports = TimeSpan.FromHours(14);
    private static readonly TimeSpan ReportDelay = TimeSpan.FromHours(1);

    public DateTimeOffset Start { get; } = new DateTimeOffset(today.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Days);

    public DateTimeOffset MorningOf(int day) => Start.AddDays(day) + Morning;

    public DateTimeOffset PeopleActOn(int day) => Start.AddDays(day) + People;

    public DateTimeOffset ReportsOf(int day) => Start.AddDays(day) + Reports;

    /// <summary>The issued-at of the statements reported on <paramref name="day"/>: before the broker's clock, within its allowed skew.</summary>
    public DateTimeOffset IssuedOn(int day) => ReportsOf(day) - ReportDelay;
}
