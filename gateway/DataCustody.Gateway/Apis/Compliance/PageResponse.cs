using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The kind of item.</typeparam>
/// <param name="Items">The items, in the list's order.</param>
/// <param name="Next">The <c>after</c> cursor of the next page; null on the last page.</param>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next)
{
    internal static PageResponse<T> From<TView>(CompliancePage<TView> page, Func<TView, T> item) =>
        new([.. page.Items.Select(item)], page.Next?.ToString());
}
