namespace DataCustody.Grains.Custody;

/// <summary>
/// The time the custody domain records and judges by: issued-at of broker statements, deadlines,
/// expiry. Separate from the runtime's own clock so that tests can move it days ahead without
/// also moving Orleans' timeouts and idle collection.
/// </summary>
public sealed class BrokerClock(TimeProvider time)
{
    /// <summary>The current time.</summary>
    public DateTimeOffset Now => time.GetUtcNow();
}
