using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Merkle;
using Orleans.Concurrency;

namespace DataCustody.Grains.Ledger;

/// <summary>
/// Serves proofs and tiles straight from storage, as many activations as there is load, bounded
/// by the latest signed checkpoint so nothing is served that no checkpoint vouches for.
/// </summary>
[StatelessWorker]
internal sealed class LogReaderGrain(LedgerStore store) : Grain, ILogReaderGrain
{
    public async Task<IReadOnlyList<byte[]>> GetInclusionProof(long index, long size)
    {
        await RequireCheckpointed(size, nameof(size));
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be at least 0 and below the tree size {size}.");
        }
        return await ProofPlan.Inclusion((ulong)index, (ulong)size).ReadAsync(store);
    }

    public async Task<IReadOnlyList<byte[]>> GetConsistencyProof(long from, long to)
    {
        await RequireCheckpointed(to, nameof(to));
        if (from < 0 || from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"The first size must be at least 0 and at most the second size {to}.");
        }
        return await ProofPlan.Consistency((ulong)from, (ulong)to).ReadAsync(store);
    }

    public Task<byte[]?> GetTile(int level, long index, int width) => store.ReadTileAsync(level, index, width);

    private async Task RequireCheckpointed(long size, string parameter)
    {
        var latest = await GrainFactory.GetGrain<ILedgerGrain>(LedgerKey.Id).GetLatestCheckpoint();
        var checkpointed = latest?.Size ?? 0;
        if (size < 0 || size > checkpointed)
        {
            throw new ArgumentOutOfRangeException(parameter, size, $"The tree size must be at least 0 and at most the latest checkpoint's size {checkpointed}.");
        }
    }
}
