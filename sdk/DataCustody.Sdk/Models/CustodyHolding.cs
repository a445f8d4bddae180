namespace DataCustody.Sdk.Models;

/// <summary>One category of a person's data a holder has or had.</summary>
/// <param name="Category">The fideslang data category key.</param>
/// <param name="Since">Since when the holder has it.</param>
/// <param name="Until">When the holding ended, if it did.</param>
/// <param name="Status">Whether the holder still has it.</param>
/// <param name="ProfileVersion">The holder's protection profile version when it got the data.</param>
/// <param name="TermsSha256">The terms it got the data under.</param>
/// <param name="Chain">The hops by which the data reached the holder, from the collector on.</param>
/// <param name="Evidence">The log entries that show the holding, those of the holder's older copies of the category that it still holds included.</param>
public sealed record CustodyHolding(
    string Category,
    DateTimeOffset Since,
    DateTimeOffset? Until,
    HoldingStatus Status,
    long? ProfileVersion,
    string? TermsSha256,
    IReadOnlyList<CustodyHop> Chain,
    IReadOnlyList<long> Evidence);
