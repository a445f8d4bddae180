namespace DataCustody.Cli.Monitoring;

/// <summary>Delays between retries after network failures: doubling from <c>first</c>, capped at <c>max</c>.</summary>
internal sealed class RetryBackoff(TimeSpan first, TimeSpan max)
{
    /// <summary>Failures since the last success.</summary>
    public int Failures { get; private set; }

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Fail()
    {
        var delay = first * Math.Pow(2, Math.Min(Failures, 30));
        Failures++;
        return delay < max ? delay : max;
    }

    /// <summary>Starts over after a success.</summary>
    public void Reset() => Failures = 0;
}
