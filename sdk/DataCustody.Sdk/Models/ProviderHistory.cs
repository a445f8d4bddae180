namespace DataCustody.Sdk.Models;

/// <summary>Every protection profile and terms document a provider declared, oldest first.</summary>
/// <param name="Profiles">The profile versions.</param>
/// <param name="Terms">The terms documents.</param>
public sealed record ProviderHistory(IReadOnlyList<ProfileVersionInfo> Profiles, IReadOnlyList<TermsVersionInfo> Terms);
