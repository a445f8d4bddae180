namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>The provider on the other side of a hop, as it registered.</summary>
/// <param name="ProviderId">Its provider id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Jurisdiction">Its ISO 3166-1 alpha-2 country.</param>
/// <param name="Contact">Its privacy contact (address, mail or telephone).</param>
public sealed record CounterpartyResponse(string ProviderId, string Name, string Jurisdiction, string Contact)
{
    internal static CounterpartyResponse From(ProviderRecord provider) =>
        new(provider.ProviderId, provider.Registration.Name, provider.Registration.Jurisdiction, provider.Registration.Contact);
}
