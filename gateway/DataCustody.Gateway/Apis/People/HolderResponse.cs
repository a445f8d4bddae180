using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>One holder of the person's data.</summary>
/// <param name="Holder">The provider id.</param>
/// <param name="Holdings">Each category it got, and how.</param>
public sealed record HolderResponse(string Holder, IReadOnlyList<HoldingResponse> Holdings)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static HolderResponse From(HolderView view) => new(view.Holder, [.. view.Holdings.Select(HoldingResponse.From)]);
}
