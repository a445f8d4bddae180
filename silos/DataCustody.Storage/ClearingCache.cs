using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace DataCustody.Storage;

/// <summary>
/// Values that never change for their key, remembered up to a capacity and then all dropped at once:
/// the cheapest eviction that keeps memory flat, where a miss costs one look-up again.
/// </summary>
public sealed class ClearingCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    /// <summary>The remembered value of <paramref name="key"/>, if any.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    /// <summary>The remembered value of <paramref name="key"/>, or the one <paramref name="make"/> makes of it and <paramref name="argument"/>, remembered.</summary>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> make, TArgument argument)
    {
        ArgumentNullException.ThrowIfNull(make);
        return TryGet(key, out var value) ? value : Remember(key, make(key, argument));
    }

    /// <summary>Forgets the value of <paramref name="key"/>, for the rare key that ceases to exist.</summary>
    public void Forget(TKey key) => _values.TryRemove(key, out _);

    /// <summary>Remembers <paramref name="value"/> unless another caller was first; returns the one remembered.</summary>
    public TValue Remember(TKey key, TValue value)
    {
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }
        return _values.GetOrAdd(key, value);
    }
}
