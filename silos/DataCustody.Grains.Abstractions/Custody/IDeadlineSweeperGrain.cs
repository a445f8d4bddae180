namespace DataCustody.Grains.Custody;

/// <summary>
/// Watches deadlines kept in the database (deletion obligations, consent expiry) and logs them
/// when they pass, so deadlines survive restarts. There is one, at key 0.
/// </summary>
[Alias("DataCustody.Custody.IDeadlineSweeperGrain")]
public interface IDeadlineSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Logs every deadline that has passed; returns how many entries it wrote.</summary>
    [Alias("Sweep")]
    Task<int> Sweep();
}
