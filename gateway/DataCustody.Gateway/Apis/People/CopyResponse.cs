using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>An older copy of a category that its holder still holds beside the latest: when it got it, and how.</summary>
/// <param name="Since">When the holder got this copy.</param>
/// <param name="Chain">The hops this copy came by, from the collecting holder on; empty when the holder collected it.</param>
public sealed record CopyResponse(DateTimeOffset Since, IReadOnlyList<HopResponse> Chain)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static CopyResponse Of(CopyView view) => new(view.Since, [.. view.Chain.Select(HopResponse.Of)]);
}
