namespace DataCustody.Gateway.Pages;

/// <summary>The registered names of providers, for pages that show people who holds their data rather than ids.</summary>
internal static class ProviderNames
{
    /// <summary>The names of the registered ones among <paramref name="providerIds"/>, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(IGrainFactory grains, IEnumerable<string> providerIds)
    {
        var registrations = await Task.WhenAll(providerIds.Distinct(StringComparer.Ordinal).Select(id => grains.GetGrain<IProviderGrain>(id).GetRegistration()));
        return registrations.OfType<ProviderRecord>().ToDictionary(r => r.ProviderId, r => r.Registration.Name, StringComparer.Ordinal);
    }
}
