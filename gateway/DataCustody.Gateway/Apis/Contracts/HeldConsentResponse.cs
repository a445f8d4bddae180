namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A consent a person granted to the provider, as the provider sees it.</summary>
/// <param name="ConsentId">The consent's id.</param>
/// <param name="Handle">The provider's handle for the person who granted it.</param>
/// <param name="Terms">What it allows.</param>
/// <param name="Status"><c>active</c>, <c>revoked</c> or <c>expired</c>.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="GrantedIndex">The log entry of the grant.</param>
/// <param name="EndedIndex">The log entry that ended it, if it ended.</param>
/// <param name="RequestId">The provider's request it answered, if any.</param>
public sealed record HeldConsentResponse(
    string ConsentId, string Handle, ConsentTermsContract Terms, ConsentStatus Status, DateTimeOffset GrantedAt, long GrantedIndex, long? EndedIndex, string? RequestId)
{
    internal static HeldConsentResponse From(ConsentView c) =>
        new(c.ConsentId, c.Handle, ConsentTermsContract.From(c.Terms), c.Status, c.GrantedAt, c.GrantedIndex, c.EndedIndex, c.RequestId);
}
