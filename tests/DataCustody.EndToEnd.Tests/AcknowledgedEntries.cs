using System.Collections.Concurrent;
using DataCustody.Grains.Ledger;
using DataCustody.Transparency.Merkle;

namespace DataCustody.EndToEnd.Tests;

/// <summary>
/// Writers that append distinct leaves as fast as the ledger acknowledges them, remembering the
/// index and leaf hash of every acknowledged entry. Failed appends (the ledger was killed) are
/// retried with new leaves; their outcome is unknown, so they are not remembered.
/// </summary>
public sealed class AcknowledgedEntries
{
    private readonly ConcurrentDictionary<long, byte[]> _acknowledged = new();
    private long _failures;

    public int Count => _acknowledged.Count;

    public long Failures => Interlocked.Read(ref _failures);

    public IReadOnlyDictionary<long, byte[]> LeafHashByIndex => _acknowledged;

    /// <summary>Runs <paramref name="writers"/> writers until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(Func<ILedgerGrain> ledger, int writers, int leavesPerAppend, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var leaves = Enumerable.Range(0, leavesPerAppend).Select(i => System.Text.Encoding.UTF8.GetBytes($"writer {writer} round {round} leaf {i} {Guid.NewGuid()}")).ToList();
                try
                {
                    var appended = await ledger().Append(leaves);
                    for (var i = 0; i < leaves.Count; i++)
                    {
                        if (!_acknowledged.TryAdd(appended.FirstIndex + i, MerkleHash.Leaf(leaves[i])))
                        {
                            throw new InvalidOperationException($"Index {appended.FirstIndex + i} was acknowledged twice.");
                        }
                    }
                }
                catch (Exception e) when (e is not InvalidOperationException { Message: var m } || !m.Contains("acknowledged twice", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _failures);
                    await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
                }
            }
        })));
}
