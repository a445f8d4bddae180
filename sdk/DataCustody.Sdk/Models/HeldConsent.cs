namespace DataCustody.Sdk.Models;

/// <summary>A consent a provider holds, as the provider sees it.</summary>
/// <param name="ConsentId">The consent's id, which collections and transfers under it name.</param>
/// <param name="Handle">The provider's handle for the person who gave it.</param>
/// <param name="Terms">What the consent allows.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="GrantedIndex">The log entry of its <c>consent.granted</c>.</param>
/// <param name="EndedIndex">The log entry that revoked or expired it, if it ended.</param>
/// <param name="RequestId">The provider's request it answers, if any.</param>
public sealed record HeldConsent(
    string ConsentId,
    string Handle,
    ConsentTermsModel Terms,
    ConsentStatus Status,
    DateTimeOffset GrantedAt,
    long GrantedIndex,
    long? EndedIndex,
    string? RequestId);
