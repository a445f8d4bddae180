using System.Collections.Concurrent;
using System.Globalization;
using DataCustody.Grains.Custody;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// Counts what became of submitted statements, by outcome and by statement type, so that a run
/// in which statements were refused or batches failed cannot pass for a fast one. Safe to add to
/// from many threads.
/// </summary>
internal sealed class OutcomeTally
{
    private readonly ConcurrentDictionary<string, long> _recordedByType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refusals = new(StringComparer.Ordinal);
    private long _recorded;
    private long _flagged;
    private long _duplicates;
    private long _refused;
    private long _failed;
    private string? _firstFailure;

    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Recorded statements that broke a rule (the broker logs them and flags them).</summary>
    public long Flagged => Interlocked.Read(ref _flagged);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Statements of batches whose <c>Submit</c> threw.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long Total => Recorded + Duplicates + Refused + Failed;

    /// <summary>Whether every statement was recorded without a flag.</summary>
    public bool AllRecordedClean => Total > 0 && Recorded == Total && Flagged == 0;

    public void Add(IReadOnlyList<SubmittedStatement> batch, IReadOnlyList<StatementOutcome> outcomes)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            switch (outcome.Result)
            {
                case StatementResult.Recorded:
                    Interlocked.Increment(ref _recorded);
                    _recordedByType.AddOrUpdate(batch[i].Statement.Type, 1, (_, n) => n + 1);
                    if (outcome.Violations.Count > 0)
                    {
                        Interlocked.Increment(ref _flagged);
                        _refusals.TryAdd("flagged: " + outcome.Violations[0].Code, 0);
                    }
                    break;
                case StatementResult.Duplicate:
                    Interlocked.Increment(ref _duplicates);
                    break;
                default:
                    Interlocked.Increment(ref _refused);
                    _refusals.AddOrUpdate($"refused {outcome.Field}: {outcome.Reason}", 1, (_, n) => n + 1);
                    break;
            }
        }
    }

    public void Fail(int statements, Exception error)
    {
        Interlocked.Add(ref _failed, statements);
        Interlocked.CompareExchange(ref _firstFailure, $"{error.GetType().Name}: {error.Message}", null);
    }

    /// <summary>Shares of each outcome and of each recorded statement type, and a few reasons when anything went wrong.</summary>
    public string Describe()
    {
        var total = Math.Max(1, Total);
        var recorded = Math.Max(1, Recorded);
        var text = Invariant($"{Total} submitted: recorded {Share(Recorded, total)}, duplicate {Share(Duplicates, total)}, refused {Share(Refused, total)}, failed {Share(Failed, total)}");
        text += "; recorded by type: " + string.Join(", ", _recordedByType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {Share(t.Value, recorded)}"));
        var reasons = _refusals.Keys.Order(StringComparer.Ordinal).Take(3).Concat(_firstFailure is null ? [] : ["failed: " + _firstFailure]).ToList();
        return reasons.Count == 0 ? text : text + "; e.g. " + string.Join(" | ", reasons);
    }

    private static string Share(long part, long whole) => Invariant($"{100.0 * part / whole:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
