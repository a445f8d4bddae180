namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// The broker's clock during generation: months of history pass in minutes, so that holdings are
/// acquired and released at different times and a breach window over them means something. Only
/// the broker's domain clock is simulated; Orleans keeps real time for its timeouts.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="time"/>; it never goes back, as the log's timestamps must not.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        if (time.UtcTicks < Interlocked.Read(ref _ticks))
        {
            throw new InvalidOperationException($"The clock cannot go back to {time:O}.");
        }
        Interlocked.Exchange(ref _ticks, time.UtcTicks);
    }
}
