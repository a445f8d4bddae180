namespace DataCustody.Grains.Ledger;

/// <summary>One log entry's leaf: its index and the exact leaf bytes the log hashed.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.LogLeaf")]
public sealed record LogLeaf(
    [property: Id(0)] long Index,
    [property: Id(1)] byte[] Leaf);
