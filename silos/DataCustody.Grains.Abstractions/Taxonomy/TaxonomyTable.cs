using System.Diagnostics.CodeAnalysis;

namespace DataCustody.Grains.Taxonomy;

/// <summary>
/// The keys of one fideslang file: its current entries, and each deprecated key mapped to the current
/// entry at the end of its <c>replaced_by</c> chain, so that resolving is one look-up.
/// </summary>
/// <typeparam name="T">The entry type: <see cref="DataCategory"/> or <see cref="DataUse"/>.</typeparam>
internal sealed class TaxonomyTable<T> where T : class
{
    private readonly string _kind;
    private readonly List<T> _current = [];
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withoutSuccessor = new(StringComparer.Ordinal);

    /// <param name="rows">The file's rows.</param>
    /// <param name="create">Makes the entry of a current row.</param>
    /// <param name="kind">What an entry is called in error messages: "data category", "data use".</param>
    /// <exception cref="InvalidDataException">A key repeats, a parent is missing, or a <c>replaced_by</c> chain is broken or circular.</exception>
    public TaxonomyTable(IReadOnlyList<TaxonomyRow> rows, Func<TaxonomyRow, T> create, string kind)
    {
        _kind = kind;
        var rowsByKey = new Dictionary<string, TaxonomyRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!rowsByKey.TryAdd(row.Key, row))
            {
                throw new InvalidDataException($"The {kind} '{row.Key}' appears twice.");
            }
        }
        foreach (var row in rows)
        {
            if (row.ParentKey is not null && !rowsByKey.ContainsKey(row.ParentKey))
            {
                throw new InvalidDataException($"The parent '{row.ParentKey}' of the {kind} '{row.Key}' does not exist.");
            }
            if (!row.IsDeprecated)
            {
                var entry = create(row);
                _current.Add(entry);
                _byKey.Add(row.Key, entry);
            }
        }
        foreach (var row in rows.Where(r => r.IsDeprecated))
        {
            var successor = Successor(row, rowsByKey);
            if (successor is null)
            {
                _withoutSuccessor.Add(row.Key);
            }
            else
            {
                _byKey.Add(row.Key, _byKey[successor]);
            }
        }
    }

    /// <summary>The current (not deprecated) entries, in file order.</summary>
    public IReadOnlyCollection<T> Current => _current;

    /// <summary>Finds the entry of <paramref name="key"/>, through its successors if it is deprecated.</summary>
    public bool TryResolve(string key, [NotNullWhen(true)] out T? entry, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_byKey.TryGetValue(key, out entry))
        {
            error = null;
            return true;
        }
        error = _withoutSuccessor.Contains(key)
            ? $"'{key}' is a deprecated {_kind} without a successor."
            : $"'{key}' is not a fideslang {_kind}.";
        return false;
    }

    /// <summary>The current key at the end of a deprecated row's <c>replaced_by</c> chain, or <see langword="null"/> if the chain ends in a deprecated key that names no successor.</summary>
    private string? Successor(TaxonomyRow deprecated, Dictionary<string, TaxonomyRow> rowsByKey)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { deprecated.Key };
        var row = deprecated;
        while (row.IsDeprecated)
        {
            if (row.ReplacedBy is null)
            {
                return null;
            }
            if (!rowsByKey.TryGetValue(row.ReplacedBy, out var next))
            {
                throw new InvalidDataException($"The {_kind} '{row.Key}' is replaced by '{row.ReplacedBy}', which does not exist.");
            }
            if (!seen.Add(next.Key))
            {
                throw new InvalidDataException($"The {_kind} '{deprecated.Key}' has a circular replaced_by chain.");
            }
            row = next;
        }
        return row.Key;
    }
}
