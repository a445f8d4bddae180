namespace DataCustody.Sdk.Models;

/// <summary>An older copy of a category that its holder still holds beside the latest: when it got it, and how.</summary>
/// <param name="Since">When the holder got this copy.</param>
/// <param name="Chain">The hops by which this copy reached the holder, from the collector on; empty when the holder collected it.</param>
public sealed record CustodyCopy(DateTimeOffset Since, IReadOnlyList<CustodyHop> Chain);
