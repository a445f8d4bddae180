namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Asks the person behind a handle for a consent.</summary>
/// <param name="Handle">The provider's handle for the person.</param>
/// <param name="Terms">What the consent would allow.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateConsentRequestRequest(string? Handle, ConsentTermsContract? Terms);
