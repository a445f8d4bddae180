namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Every protection profile and terms version a provider declared, oldest first.</summary>
/// <param name="Profiles">The profile versions.</param>
/// <param name="Terms">The terms versions.</param>
public sealed record ProviderHistoryResponse(IReadOnlyList<ProfileVersionResponse> Profiles, IReadOnlyList<TermsVersionResponse> Terms)
{
    internal static ProviderHistoryResponse From(ProviderHistory history) =>
        new([.. history.Profiles.Select(ProfileVersionResponse.From)], [.. history.Terms.Select(TermsVersionResponse.From)]);
}
