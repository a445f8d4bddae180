namespace DataCustody.Grains.Ledger;

/// <summary>
/// An append waiting for its transaction: its leaves, their leaf hashes, when it arrived (a
/// timestamp of the ledger's clock), and its caller's answer.
/// </summary>
internal sealed class PendingAppend(IReadOnlyList<byte[]> leaves, byte[][] leafHashes, long arrivedAt)
{
    public IReadOnlyList<byte[]> Leaves { get; } = leaves;

    public byte[][] LeafHashes { get; } = leafHashes;

    public long ArrivedAt { get; } = arrivedAt;

    public TaskCompletionSource<LedgerAppend> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
