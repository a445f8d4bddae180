namespace DataCustody.Sdk.Models;

/// <summary>One category of a person's data a holder has or had.</summary>
/// <param name="Category">The fideslang data category key.</param>
/// <param name="Since">Since when the holder has had the category without a break: when it got the oldest copy it still holds (or, once deleted, the oldest copy that the deletion ended).</param>
/// <param name="Until">When the holding ended, if it did.</param>
/// <param name="Status">Whether the holder still has it.</param>
/// <param name="ProfileVersion">The holder's protection profile version when it got the data.</param>
/// <param name="TermsSha256">The terms it got the data under.</param>
/// <param name="Chain">The hops by which the data reached the holder, from the collector on.</param>
/// <param name="Evidence">The log entries that show the holding, those of the holder's older copies of the category that it still holds included.</param>
/// <param name="DependsOn">The ids of the person's consents the holder's current copies of the category depend on, the oldest copy's first: once all of them have ended the holder must delete the category, unless <paramref name="OnOwnBasis"/>. Empty once the holder deleted it.</param>
/// <param name="OnOwnBasis">Whether the holder keeps the category on a legal basis other than consent as well, so that withdrawing consents does not oblige it to delete it.</param>
/// <param name="EarlierCopies">The holder's older copies of the category that it still holds beside the latest, the oldest first: <paramref name="Chain"/> is the latest copy's route, and these the others. Empty once deleted.</param>
public sealed record CustodyHolding(
    string Category,
    DateTimeOffset Since,
    DateTimeOffset? Until,
    HoldingStatus Status,
    long? ProfileVersion,
    string? TermsSha256,
    IReadOnlyList<CustodyHop> Chain,
    IReadOnlyList<long> Evidence,
    IReadOnlyList<string> DependsOn,
    bool OnOwnBasis,
    IReadOnlyList<CustodyCopy> EarlierCopies);
