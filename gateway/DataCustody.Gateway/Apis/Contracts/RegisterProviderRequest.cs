namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>What a provider states about itself when it registers the provider id its token names.</summary>
/// <param name="Name">Its legal name, 1-200 characters.</param>
/// <param name="Jurisdiction">Where it is established: an ISO 3166-1 alpha-2 code in upper case (<c>JP</c>).</param>
/// <param name="Sector">Its business sector, 1-100 characters.</param>
/// <param name="Contact">Where people and regulators reach its privacy contact, 1-200 characters.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterProviderRequest(string? Name, string? Jurisdiction, string? Sector, string? Contact);
