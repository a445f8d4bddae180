namespace DataCustody.Storage.Custody;

/// <summary>
/// Where a page of a long list starts: the sort key of the last row of the page before. Lists in
/// log order use <see cref="Index"/> alone; lists in time order sort by <see cref="Order"/>, a
/// time, and break ties with <see cref="Index"/>.
/// </summary>
/// <param name="Order">The time (Unix milliseconds) the list sorts by first, or 0.</param>
/// <param name="Index">The log index or hop id that orders rows of one time.</param>
public sealed record PageKey(long Order, long Index)
{
    /// <summary>Before every row.</summary>
    public static PageKey Start { get; } = new(long.MinValue, long.MinValue);
}

/// <summary>One page of rows and the key of the next page, null after the last.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed record RowPage<T>(IReadOnlyList<T> Rows, PageKey? Next)
{
    /// <summary>
    /// The page of <paramref name="rows"/>, read with <paramref name="limit"/>: a full page may
    /// have a successor, a short one is the last.
    /// </summary>
    public static RowPage<T> Of(IReadOnlyList<T> rows, int limit, Func<T, PageKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        return new RowPage<T>(rows, rows.Count == limit && rows.Count > 0 ? keyOf(rows[^1]) : null);
    }
}
