namespace DataCustody.Sdk.Log;

/// <summary>What a monitor caught the log doing.</summary>
public enum LogMisbehaviour
{
    /// <summary>The checkpoint is not validly signed by the pinned log key, is not a checkpoint, or names another log than the key.</summary>
    BadCheckpoint,

    /// <summary>
    /// Two validly signed checkpoints that cannot both be views of one append-only log: the later
    /// tree does not extend the earlier one, equal sizes have different roots, or the origin changed.
    /// </summary>
    Fork,

    /// <summary>A validly signed checkpoint has fewer entries than one verified before: the log shrank.</summary>
    Rollback,
}
