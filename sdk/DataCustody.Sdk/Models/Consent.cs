namespace DataCustody.Sdk.Models;

/// <summary>A consent a person gave a holder, as the person or the holder sees it.</summary>
/// <param name="ConsentId">The consent's id.</param>
/// <param name="Holder">The provider the consent is given to.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Terms">What the consent allows.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="GrantedIndex">The log entry of its <c>consent.granted</c>.</param>
/// <param name="EndedIndex">The log entry that revoked or expired it, if it ended.</param>
/// <param name="RequestId">The holder's request it answers, if any.</param>
public sealed record Consent(
    string ConsentId,
    string Holder,
    string Handle,
    ConsentTermsModel Terms,
    ConsentStatus Status,
    DateTimeOffset GrantedAt,
    long GrantedIndex,
    long? EndedIndex,
    string? RequestId);
