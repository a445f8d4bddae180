using System.Collections.Concurrent;
using DataCustody.Storage.Ledger;

namespace DataCustody.Grains.Tests;

/// <summary>
/// A projector that records the size of every append transaction it is called in; fails the
/// transaction when it meets a leaf that reads "poison", or the next one when told to, to prove
/// that a failing projection takes the entries down with it; and can hold a transaction open
/// until a test lets it go.
/// </summary>
public sealed class RecordingProjector : ILedgerProjector
{
    public static readonly byte[] Poison = "poison"u8.ToArray();

    private TaskCompletionSource? _gate;
    private volatile bool _holding;
    private Exception? _failNext;

    public ConcurrentQueue<int> TransactionSizes { get; } = new();

    /// <summary>Whether a transaction is waiting at the gate right now.</summary>
    public bool IsHolding => _holding;

    /// <summary>Makes the next transaction wait inside the projection until the returned source is completed.</summary>
    public TaskCompletionSource HoldNextTransaction() =>
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Makes the next transaction fail, whatever its leaves, as a crash before its commit would: with
    /// <paramref name="error"/>, such as the database's own exception, or else an <see cref="InvalidOperationException"/>.
    /// </summary>
    public void FailNextTransaction(Exception? error = null) =>
        Interlocked.Exchange(ref _failNext, error ?? new InvalidOperationException("The projection was told to fail this transaction."));

    public async Task ProjectAsync(LedgerWrite write, CancellationToken cancellationToken)
    {
        if (write.Entries.Any(e => e.Leaf.AsSpan().SequenceEqual(Poison)))
        {
            throw new InvalidOperationException("The projection refuses the poison leaf.");
        }
        if (Interlocked.Exchange(ref _failNext, null) is { } error)
        {
            throw error;
        }
        if (Interlocked.Exchange(ref _gate, null) is { } gate)
        {
            _holding = true;
            await gate.Task;
            _holding = false;
        }
        TransactionSizes.Enqueue(write.Entries.Count);
    }
}
