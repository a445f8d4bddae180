namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A registered provider.</summary>
/// <param name="ProviderId">The provider id.</param>
/// <param name="Name">Its legal name.</param>
/// <param name="Jurisdiction">Where it is established.</param>
/// <param name="Sector">Its business sector.</param>
/// <param name="Contact">Its privacy contact.</param>
/// <param name="RegisteredIndex">The log entry that registered it.</param>
public sealed record ProviderResponse(string ProviderId, string Name, string Jurisdiction, string Sector, string Contact, long RegisteredIndex)
{
    internal static ProviderResponse From(ProviderRecord record) => new(
        record.ProviderId, record.Registration.Name, record.Registration.Jurisdiction, record.Registration.Sector,
        record.Registration.Contact, record.RegisteredIndex);
}
