namespace DataCustody.Grains.Compliance;

/// <summary>One page of a compliance list.</summary>
/// <typeparam name="T">The kind of row.</typeparam>
/// <param name="Items">The rows, in the list's order.</param>
/// <param name="Next">Where the next page starts; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.CompliancePage`1")]
public sealed record CompliancePage<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] PageCursor? Next);
