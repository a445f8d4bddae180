using System.Diagnostics;
using DataCustody.Sdk;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// The four providers submitting their pre-signed statements at once, each through its own SDK
/// client, from many concurrent callers that each hand a chunk to <c>SubmitAsync</c> statement
/// by statement and wait for every result, as application threads would. The SDK's batcher
/// gathers what the callers submit into requests (up to 500 statements, 4 in flight per
/// provider, its defaults); the gateway verifies the signatures and the grains record the
/// statements durably. Callers stop taking chunks when the time is up; the rate counts the
/// drain, so nothing left in flight flatters it.
/// </summary>
internal static class IngestLoad
{
    /// <summary>
    /// Callers per provider: 40 chunks of 50 are 2,000 statements, enough to keep the SDK's four
    /// batches of 500 in flight all the time.
    /// </summary>
    public const int CallersPerProvider = 40;

    public sealed record Result(IngestTally Tally, TimeSpan Elapsed, long Chunks, bool RanOut)
    {
        public double RecordedPerSecond => Tally.Recorded / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(IReadOnlyList<IngestMix.ProviderChunks> work, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tally = new IngestTally();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var taken = new int[work.Count];
        var ranOut = 0;
        long chunks = 0;

        async Task CallAsync(int provider)
        {
            var (client, list) = (work[provider].Provider.Client, work[provider].Chunks);
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref taken[provider]) - 1;
                if (index >= list.Count)
                {
                    Volatile.Write(ref ranOut, 1);
                    return;
                }
                var chunk = list[index];
                var calls = new Task<Sdk.Models.StatementResult>[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    calls[i] = client.SubmitAsync(chunk[i], cancellationToken);
                }
                foreach (var call in calls)
                {
                    try
                    {
                        tally.Add(await call);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        tally.Fail(e);
                    }
                }
                Interlocked.Increment(ref chunks);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, work.Count)
            .SelectMany(provider => Enumerable.Range(0, CallersPerProvider).Select(_ => Task.Run(() => CallAsync(provider), cancellationToken))));
        return new Result(tally, Stopwatch.GetElapsedTime(started), chunks, ranOut == 1);
    }
}
