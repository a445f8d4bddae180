using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>The person's data as the log tells it: every holder along every hop.</summary>
/// <param name="Holders">Each provider that holds or held some of the person's data.</param>
public sealed record CustodyResponse(IReadOnlyList<HolderResponse> Holders)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static CustodyResponse From(CustodyView view) => new([.. view.Holders.Select(HolderResponse.From)]);
}
