using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>One category a holder got, and the chain of hops back to the person.</summary>
/// <param name="Category">The fideslang data category.</param>
/// <param name="Since">Since when the holder has had the category without a break: when it got the oldest copy it still holds (or, once deleted, the oldest copy that the deletion ended).</param>
/// <param name="Until">When it stopped holding it, if it did.</param>
/// <param name="Status"><c>holding</c>, <c>deleted</c>, <c>deletionDue</c> or <c>deletionOverdue</c>.</param>
/// <param name="ProfileVersion">The holder's protection profile version in force when it got the data.</param>
/// <param name="TermsSha256">The model-contract terms it got the data under, if any.</param>
/// <param name="Chain">The hops from the person's side to this holder.</param>
/// <param name="Evidence">The log entries that prove the holding: the one that made the copy, the <c>holdings.inherited</c> that handed down what it depends on (if any), the one that ended it, and those of the obligations to delete it; and for each older copy of the category the holder still holds, the entries that made it, handed down what it depends on, and carried it along its hops.</param>
/// <param name="DependsOn">The ids of the person's consents the holder's current copies of the category depend on, the oldest copy's first: a copy collected from the person depends on the consent it was collected under, and a copy passed on depends on the consent the broker found allowing the transfer or, where it found none, on every consent the sender's copy depended on. Once all of them have ended, the holder must delete the category, unless <c>onOwnBasis</c> or a copy it holds of a category above (a holding of its own) keeps it lawful. Empty once the holder deleted it.</param>
/// <param name="OnOwnBasis">Whether one of the holder's current copies of the category stands on a legal basis other than consent (a contract, a legal obligation, ...), so that withdrawing consents does not oblige the holder to delete it.</param>
/// <param name="EarlierCopies">The holder's older copies of the category that it still holds beside the latest, the oldest first: <c>chain</c> shows the latest copy's route, and these the others by which the holder has the category. Empty once deleted.</param>
public sealed record HoldingResponse(
    string Category,
    DateTimeOffset Since,
    DateTimeOffset? Until,
    string Status,
    long? ProfileVersion,
    string? TermsSha256,
    IReadOnlyList<HopResponse> Chain,
    IReadOnlyList<long> Evidence,
    IReadOnlyList<string> DependsOn,
    bool OnOwnBasis,
    IReadOnlyList<CopyResponse> EarlierCopies)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static HoldingResponse From(HoldingView view) => new(
        view.Category, view.Since, view.Until, WireNames.Of(view.Status), view.ProfileVersion, view.TermsSha256,
        [.. view.Chain.Select(HopResponse.Of)], view.Evidence, view.DependsOn, view.OnOwnBasis,
        [.. view.EarlierCopies.Select(CopyResponse.Of)]);
}
