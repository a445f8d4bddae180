namespace DataCustody.Grains.Ledger;

/// <summary>An append waiting for its transaction: its leaves, their leaf hashes, and its caller's answer.</summary>
internal sealed class PendingAppend(IReadOnlyList<byte[]> leaves, byte[][] leafHashes)
{
    public IReadOnlyList<byte[]> Leaves { get; } = leaves;

    public byte[][] LeafHashes { get; } = leafHashes;

    public TaskCompletionSource<LedgerAppend> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
