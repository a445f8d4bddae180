namespace DataCustody.Sdk.Models;

/// <summary>Every provider that holds or held a person's data, along the whole chain.</summary>
/// <param name="Holders">The holders.</param>
public sealed record CustodyView(IReadOnlyList<CustodyHolder> Holders);
