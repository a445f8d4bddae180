namespace DataCustody.Grains.Taxonomy;

/// <summary>A current fideslang data use (a purpose), such as <c>essential.service.payment_processing</c>.</summary>
/// <param name="Key">The dotted fideslang key.</param>
/// <param name="Name">The human-readable name.</param>
/// <param name="ParentKey">The enclosing use, or <see langword="null"/> at the top (<c>marketing</c>, <c>essential</c>, ...).</param>
/// <param name="Description">fideslang's description.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Taxonomy.DataUse")]
public sealed record DataUse(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentKey,
    [property: Id(3)] string Description);
