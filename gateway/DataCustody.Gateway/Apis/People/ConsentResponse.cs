using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A consent as its person sees it.</summary>
/// <param name="ConsentId">The consent's id.</param>
/// <param name="Holder">The provider the consent is given to.</param>
/// <param name="Handle">The pairwise handle the holder knows the person by.</param>
/// <param name="Terms">What the consent allows.</param>
/// <param name="Status"><c>active</c>, <c>revoked</c> or <c>expired</c>.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="GrantedIndex">The log entry that records the grant.</param>
/// <param name="EndedIndex">The log entry that records the revocation or expiry, if it ended.</param>
/// <param name="RequestId">The provider's request it answers, if any.</param>
public sealed record ConsentResponse(
    string ConsentId,
    string Holder,
    string Handle,
    ConsentTermsContract Terms,
    string Status,
    DateTimeOffset GrantedAt,
    long GrantedIndex,
    long? EndedIndex,
    string? RequestId)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static ConsentResponse From(ConsentView view) => new(
        view.ConsentId,
        view.Holder,
        view.Handle,
        ConsentTermsContract.From(view.Terms),
        WireNames.Of(view.Status),
        view.GrantedAt,
        view.GrantedIndex,
        view.EndedIndex,
        view.RequestId);
}
