using System.Collections.Concurrent;
using System.Globalization;
using DataCustody.Sdk.Models;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// What the SDK answered for each submitted statement, so a run in which statements were
/// rejected, flagged or lost in failed requests cannot pass for a fast one. Thread-safe.
/// </summary>
internal sealed class IngestTally
{
    private readonly ConcurrentDictionary<string, long> _reasons = new(StringComparer.Ordinal);
    private long _recorded;
    private long _flagged;
    private long _duplicates;
    private long _rejected;
    private long _failed;

    public long Recorded => Interlocked.Read(ref _recorded);

    public long Flagged => Interlocked.Read(ref _flagged);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Statements whose <c>SubmitAsync</c> threw (the batch failed after the SDK's retries).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long Total => Recorded + Duplicates + Rejected + Failed;

    /// <summary>Every statement recorded now, none flagged.</summary>
    public bool AllRecordedClean => Total > 0 && Recorded == Total && Flagged == 0;

    public void Add(StatementResult result)
    {
        switch (result.Status)
        {
            case StatementStatus.Recorded:
                Interlocked.Increment(ref _recorded);
                if (result.Violations is { Count: > 0 } violations)
                {
                    Interlocked.Increment(ref _flagged);
                    _reasons.TryAdd("flagged: " + violations[0].Code, 0);
                }
                break;
            case StatementStatus.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            default:
                Interlocked.Increment(ref _rejected);
                _reasons.TryAdd($"rejected {result.Problem?.Field}: {result.Problem?.Detail}", 0);
                break;
        }
    }

    public void Fail(Exception error)
    {
        Interlocked.Increment(ref _failed);
        _reasons.TryAdd($"failed: {error.GetType().Name}: {error.GetBaseException().Message}", 0);
    }

    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Total} submitted: recorded {Recorded}, flagged {Flagged}, duplicate {Duplicates}, rejected {Rejected}, failed {Failed}");
        var reasons = _reasons.Keys.Order(StringComparer.Ordinal).Take(3).ToList();
        return reasons.Count == 0 ? text : text + " (" + string.Join("; ", reasons) + ")";
    }
}
