namespace DataCustody.Sdk.Models;

/// <summary>A holder's request for a consent, as the person sees it.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Holder">The provider asking.</param>
/// <param name="Terms">What the consent would allow.</param>
/// <param name="Status">Where the request stands.</param>
/// <param name="RequestedIndex">The log entry of its <c>consent.requested</c>.</param>
public sealed record ConsentRequestInfo(string RequestId, string Holder, ConsentTermsModel Terms, ConsentRequestStatus Status, long RequestedIndex);
