using System.Diagnostics;
using DataCustody.Storage;
using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// What the database alone sustains: the rows a ledger append writes (entries and the interior
/// Merkle nodes they complete), through the dialect's bulk writers, one durable transaction per
/// batch, with no grain in between. The grain's throughput is judged against this figure.
/// </summary>
internal static class RawInsertBaseline
{
    /// <summary>Of the order of the ledger's group commits under batched load (a few thousand entries each).</summary>
    public const int RowsPerTransaction = 1_000;

    /// <summary>Entries written and the time spent in transactions (building the rows excluded).</summary>
    public sealed record Result(long Entries, TimeSpan InTransactions)
    {
        public double EntriesPerSecond => Entries / InTransactions.TotalSeconds;
    }

    /// <summary>Writes batches into the empty, migrated <paramref name="database"/> for about <paramref name="duration"/>.</summary>
    public static async Task<Result> RunAsync(Database database, TimeSpan duration, CancellationToken cancellationToken)
    {
        var range = new CompactRange();
        var entries = 0L;
        var inTransactions = TimeSpan.Zero;
        while (inTransactions < duration)
        {
            var (entryRows, nodeRows) = NextBatch(range);
            var started = Stopwatch.GetTimestamp();
            // Opened per batch, as LedgerStore.AppendAsync does: the pool makes it cheap, and the
            // dialect's per-connection setup is part of what every append pays.
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await database.Dialect.InsertEntriesAsync(connection, transaction, entryRows, cancellationToken);
                await database.Dialect.InsertNodesAsync(connection, transaction, nodeRows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            inTransactions += Stopwatch.GetElapsedTime(started);
            entries += entryRows.Count;
        }
        return new Result(entries, inTransactions);
    }

    private static (List<LedgerEntryRow> Entries, List<LedgerNodeRow> Nodes) NextBatch(CompactRange range)
    {
        var entries = new List<LedgerEntryRow>(RowsPerTransaction);
        var nodes = new List<LedgerNodeRow>(RowsPerTransaction);
        NodeVisitor keepInterior = (node, hash) =>
        {
            if (node.Level > 0)
            {
                nodes.Add(new LedgerNodeRow(node.Level, (long)node.Index, hash.ToArray()));
            }
        };
        foreach (var leaf in RandomLeaves.Create(RowsPerTransaction))
        {
            var leafHash = MerkleHash.Leaf(leaf);
            entries.Add(new LedgerEntryRow((long)range.Size, leafHash, leaf));
            range.Append(leafHash, keepInterior);
        }
        return (entries, nodes);
    }
}
