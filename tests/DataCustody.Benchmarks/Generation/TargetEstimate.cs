namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// The <c>--hops</c> that gives the breach benchmark's scale (1,000,000 holdings of 200,000
/// people across 500 providers), and how long generating it takes at this run's rate. Holdings
/// grow with people (what collectors collect) and with hops (what each hop passes on), and so
/// does the work: both are measured on this run and scaled linearly.
/// </summary>
internal sealed record TargetEstimate(int Hops, long Entries, TimeSpan Duration)
{
    public const int People = 200_000;
    public const int Providers = 500;
    public const long Holdings = 1_000_000;

    public static TargetEstimate From(GraphCensus census, int hops, long hopEntries, TimeSpan elapsed)
    {
        var holdingsPerPerson = census.HoldingsCollected / (double)census.People;
        var holdingsPerHop = census.HoldingsViaHops / (double)hops;
        var targetHops = Math.Max(0, (Holdings - holdingsPerPerson * People) / holdingsPerHop);
        var roundedHops = (int)(Math.Round(targetHops / 1000) * 1000);

        var entriesPerPerson = (census.Entries - hopEntries) / (double)census.People;
        var entriesPerHop = hopEntries / (double)hops;
        var targetEntries = (long)(entriesPerPerson * People + entriesPerHop * roundedHops);
        return new TargetEstimate(roundedHops, targetEntries, elapsed * (targetEntries / (double)census.Entries));
    }
}
