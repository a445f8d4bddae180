using System.Diagnostics;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Ledger;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Concurrent writers, each submitting one pre-signed batch after another to the batch's provider
/// grain and waiting for its outcomes, until the time is up or the batches run out. The gateway
/// has verified the signatures at this point; what is measured is the grains deciding and the
/// ledger making it durable.
/// </summary>
internal static class StatementLoad
{
    /// <summary>
    /// Gateways hand batches on as HTTP requests arrive, as many as the ledger load's writers. A
    /// person's statements are recorded one after another, so each person in flight adds one
    /// append to a group commit: 64 batches of a hundred keep over a thousand in each.
    /// </summary>
    public const int Writers = 64;

    /// <summary>What the writers achieved; the ledger's growth is a cross-check of the recorded count.</summary>
    public sealed record Result(OutcomeTally Tally, TimeSpan Elapsed, int Batches, bool RanOut, long LedgerGrowth)
    {
        public double RecordedPerSecond => Tally.Recorded / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(IGrainFactory grains, IReadOnlyList<StatementMix.Batch> batches, TimeSpan duration)
    {
        var ledger = grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var sizeBefore = (await ledger.GetStatus()).Size;
        var tally = new OutcomeTally();
        var taken = -1;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WriteAsync()
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var index = Interlocked.Increment(ref taken);
                if (index >= batches.Count)
                {
                    return;
                }
                var batch = batches[index];
                try
                {
                    tally.Add(batch.Statements, await grains.GetGrain<IProviderGrain>(batch.ProviderId).Submit(batch.Statements));
                }
                catch (Exception e)
                {
                    tally.Fail(batch.Statements.Count, e);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sizeAfter = (await ledger.GetStatus()).Size;
        // Every claim but those past the end was submitted; a claim past the end means the batches ran out.
        var claims = Volatile.Read(ref taken) + 1;
        return new Result(tally, elapsed, Math.Min(claims, batches.Count), claims > batches.Count, sizeAfter - sizeBefore);
    }
}
