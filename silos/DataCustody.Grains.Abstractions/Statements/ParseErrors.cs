namespace DataCustody.Grains.Statements;

/// <summary>Collects the errors of one payload, up to <see cref="Limit"/> so that a hostile payload cannot make the list huge.</summary>
internal sealed class ParseErrors
{
    /// <summary>The most errors reported for one payload.</summary>
    public const int Limit = 100;

    private readonly List<StatementError> _errors = [];

    /// <summary>How many errors were recorded.</summary>
    public int Count => _errors.Count;

    /// <summary>The recorded errors, in the order found.</summary>
    public IReadOnlyList<StatementError> Errors => _errors;

    /// <summary>Records that <paramref name="field"/> <paramref name="reason"/> (unless the limit is reached).</summary>
    public void Add(string field, string reason)
    {
        if (_errors.Count < Limit)
        {
            _errors.Add(new StatementError(field, reason));
        }
    }
}
