namespace DataCustody.Grains.Taxonomy;

/// <summary>A current fideslang data category, such as <c>user.contact.email</c>.</summary>
/// <param name="Key">The dotted fideslang key.</param>
/// <param name="Name">The human-readable name.</param>
/// <param name="ParentKey">The enclosing category, or <see langword="null"/> at the top (<c>user</c>, <c>system</c>).</param>
/// <param name="Description">fideslang's description.</param>
/// <param name="Sensitivity">The laws that treat this category as special.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Taxonomy.DataCategory")]
public sealed record DataCategory(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentKey,
    [property: Id(3)] string Description,
    [property: Id(4)] SensitiveData Sensitivity)
{
    /// <summary>Whether any law treats this category as special.</summary>
    public bool IsSensitive => Sensitivity != SensitiveData.None;
}
