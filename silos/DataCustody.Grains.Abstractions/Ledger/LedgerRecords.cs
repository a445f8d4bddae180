namespace DataCustody.Grains.Ledger;

/// <summary>The indices an append received: <see cref="Count"/> consecutive entries from <see cref="FirstIndex"/>.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.LedgerAppend")]
public sealed record LedgerAppend([property: Id(0)] long FirstIndex, [property: Id(1)] int Count);

/// <summary>A signed C2SP checkpoint: the tree size and root hash it signs and the whole signed note.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.LogCheckpoint")]
public sealed record LogCheckpoint(
    [property: Id(0)] long Size,
    [property: Id(1)] byte[] RootHash,
    [property: Id(2)] string Note,
    [property: Id(3)] DateTimeOffset SignedAt);

/// <summary>
/// The ledger's state: durable entries, the checkpointed size, the silo hosting it, and how
/// many appends wait for the next transaction.
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.LedgerStatus")]
public sealed record LedgerStatus(
    [property: Id(0)] long Size,
    [property: Id(1)] long CheckpointSize,
    [property: Id(2)] string Silo,
    [property: Id(3)] int QueuedAppends);
