using System.Collections.Concurrent;
using DataCustody.Storage.Ledger;

namespace DataCustody.Grains.Tests;

/// <summary>
/// A projector that records the size of every append transaction it is called in, and fails
/// the transaction when it meets a leaf that reads "poison", to prove that a failing projection
/// takes the entries down with it.
/// </summary>
public sealed class RecordingProjector : ILedgerProjector
{
    public static readonly byte[] Poison = "poison"u8.ToArray();

    public ConcurrentQueue<int> TransactionSizes { get; } = new();

    public Task ProjectAsync(LedgerWrite write, CancellationToken cancellationToken)
    {
        if (write.Entries.Any(e => e.Leaf.AsSpan().SequenceEqual(Poison)))
        {
            throw new InvalidOperationException("The projection refuses the poison leaf.");
        }
        TransactionSizes.Enqueue(write.Entries.Count);
        return Task.CompletedTask;
    }
}
