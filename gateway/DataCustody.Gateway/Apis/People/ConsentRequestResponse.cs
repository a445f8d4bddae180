using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A provider's request for the person's consent.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Holder">The provider asking.</param>
/// <param name="Terms">What it asks to be allowed.</param>
/// <param name="Status"><c>pending</c>, <c>approved</c> or <c>rejected</c>.</param>
/// <param name="RequestedIndex">The log entry that records the request.</param>
public sealed record ConsentRequestResponse(
    string RequestId,
    string Holder,
    ConsentTermsContract Terms,
    string Status,
    long RequestedIndex)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static ConsentRequestResponse From(ConsentRequestView view) => new(
        view.RequestId, view.Holder, ConsentTermsContract.From(view.Terms), WireNames.Of(view.Status), view.RequestedIndex);
}
