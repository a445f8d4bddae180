namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A registered provider and the protection profile it declares now.</summary>
/// <param name="ProviderId">The provider id.</param>
/// <param name="Name">Its legal name.</param>
/// <param name="Jurisdiction">Where it is established.</param>
/// <param name="Sector">Its business sector.</param>
/// <param name="Contact">Its privacy contact.</param>
/// <param name="RegisteredIndex">The log entry that registered it.</param>
/// <param name="CurrentProfile">The protection profile in force, or null before the first.</param>
public sealed record ProviderDetailsResponse(
    string ProviderId, string Name, string Jurisdiction, string Sector, string Contact, long RegisteredIndex, ProfileVersionResponse? CurrentProfile)
{
    internal static ProviderDetailsResponse From(ProviderRecord record, ProfileVersion? profile) => new(
        record.ProviderId, record.Registration.Name, record.Registration.Jurisdiction, record.Registration.Sector,
        record.Registration.Contact, record.RegisteredIndex, profile is null ? null : ProfileVersionResponse.From(profile));
}
