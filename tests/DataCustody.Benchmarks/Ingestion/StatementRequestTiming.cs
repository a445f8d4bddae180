using System.Diagnostics;
using DataCustody.Benchmarks.Ledger;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// Times each statement batch request the SDK sends (<c>POST api/v1/statements</c>), from the
/// request leaving the SDK's pipeline to its answer: the batcher forms the batches, so only a
/// handler inside its HTTP client sees them. Sits inside the resilience handler, so a retried
/// batch counts each attempt. Records only while <see cref="Measuring"/> is set.
/// </summary>
internal sealed class StatementRequestTiming(LatencyHistogram latency, StatementRequestTiming.Counter requests) : DelegatingHandler
{
    /// <summary>Set while the measured load runs; setup requests are not counted.</summary>
    public static volatile bool Measuring;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timed = Measuring && request.RequestUri?.OriginalString.EndsWith("api/v1/statements", StringComparison.Ordinal) == true;
        var start = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        if (timed)
        {
            latency.Record(start, Stopwatch.GetTimestamp());
            requests.Add(1);
        }
        return response;
    }

    /// <summary>A count shared by the handlers of all providers.</summary>
    internal sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long n) => Interlocked.Add(ref _value, n);
    }
}
