namespace DataCustody.Sdk.Models;

/// <summary>A provider that holds or held a person's data.</summary>
/// <param name="Holder">The provider's id.</param>
/// <param name="Holdings">What it holds or held, by category.</param>
public sealed record CustodyHolder(string Holder, IReadOnlyList<CustodyHolding> Holdings);
