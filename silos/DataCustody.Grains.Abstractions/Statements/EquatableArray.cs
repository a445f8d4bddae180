using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DataCustody.Grains.Statements;

/// <summary>
/// An immutable list that compares by its items, so that records holding lists compare by value: a parsed
/// statement equals the statement it was serialized from. Collection expressions build it: <c>["user.contact.email"]</c>.
/// </summary>
/// <typeparam name="T">The item type; items are compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.EquatableArray`1")]
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public sealed class EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>
{
    [Id(0)]
    private readonly ImmutableArray<T> _items;

    /// <summary>Wraps <paramref name="items"/>; a default (uninitialised) array counts as empty.</summary>
    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefault ? [] : items;

    /// <summary>The empty list.</summary>
    public static EquatableArray<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EquatableArray<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>The items, as <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Builds <see cref="EquatableArray{T}"/> values; collection expressions call <see cref="Create{T}"/>.</summary>
public static class EquatableArray
{
    /// <summary>A list of copies of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);
}
