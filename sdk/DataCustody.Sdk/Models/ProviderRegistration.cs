namespace DataCustody.Sdk.Models;

/// <summary>What a provider tells the broker when it registers: the body of <c>POST /api/v1/providers</c>.</summary>
/// <param name="Name">Its legal name (1-200 characters).</param>
/// <param name="Jurisdiction">The ISO 3166-1 alpha-2 code of the country where it is established, such as <c>JP</c>.</param>
/// <param name="Sector">Its business sector (1-100 characters).</param>
/// <param name="Contact">Where people and regulators reach its privacy contact (1-200 characters).</param>
public sealed record ProviderRegistration(string Name, string Jurisdiction, string Sector, string Contact);
