using System.Collections.Concurrent;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// The grains of the providers whose tokens call the API, kept once made: Orleans resolves a grain
/// interface by reflection on every <c>GetGrain</c>, a noticeable share of a transfer check or a
/// statement batch. Only ids taken from tokens are kept, so the set is bounded by the registered
/// provider systems, not by what callers put in a URL.
/// </summary>
public sealed class CallerGrains(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, IProviderGrain> _providers = new(StringComparer.Ordinal);

    /// <summary>The grain of the provider a token names.</summary>
    public IProviderGrain Provider(string tokenProviderId) =>
        _providers.GetOrAdd(tokenProviderId, static (id, factory) => factory.GetGrain<IProviderGrain>(id), grains);
}
