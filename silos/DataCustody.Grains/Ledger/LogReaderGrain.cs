using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Tiles;
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

    public async Task<IReadOnlyList<LogLeaf>> GetLeaves(IReadOnlyList<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count > LogReaderLimits.MaxLeaves)
        {
            throw new ArgumentOutOfRangeException(nameof(indices), indices.Count, $"At most {LogReaderLimits.MaxLeaves} leaves can be read at once.");
        }
        var checkpointed = (await GrainFactory.GetGrain<ILedgerGrain>(LedgerKey.Id).GetLatestCheckpoint())?.Size ?? 0;
        var wanted = indices.Where(i => i >= 0 && i < checkpointed).Distinct().Order().ToList();
        var leaves = new List<LogLeaf>(wanted.Count);
        // Consecutive indices are read as one range.
        var start = 0;
        for (var i = 1; i <= wanted.Count; i++)
        {
            if (i < wanted.Count && wanted[i] == wanted[i - 1] + 1)
            {
                continue;
            }
            var rows = await store.ReadEntriesAsync(wanted[start], i - start);
            leaves.AddRange(rows.Select(r => new LogLeaf(r.Index, r.Leaf)));
            start = i;
        }
        return leaves;
    }

    public async Task<byte[]?> GetEntryBundle(long index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, LedgerStore.TileWidth);
        if (index > LedgerStore.MaxTileIndex)
        {
            return null;
        }
        var rows = await store.ReadEntriesAsync(index * LedgerStore.TileWidth, width);
        if (rows.Count != width)
        {
            return null;
        }
        var tooLong = rows.FirstOrDefault(r => r.Leaf.Length > EntryBundle.MaxEntryBytes);
        if (tooLong is not null)
        {
            throw new InvalidOperationException($"Entry {tooLong.Index} is {tooLong.Leaf.Length} bytes, more than an entry bundle can hold.");
        }
        return EntryBundle.Encode([.. rows.Select(r => r.Leaf)]);
    }

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
