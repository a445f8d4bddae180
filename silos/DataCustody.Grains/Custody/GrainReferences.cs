using DataCustody.Storage;

namespace DataCustody.Grains.Custody;

/// <summary>
/// References to the grains of providers and people, made once for the whole silo (or client).
/// Orleans resolves a grain interface by reflection on every <c>GetGrain</c>, which costs more than
/// a transfer check: made per activation, every person's grain paid it again for each provider it
/// asked, and every provider's grain for each person it sent statements to.
/// </summary>
public sealed class GrainReferences(IGrainFactory grains)
{
    // Provider ids come from statements and questions as well as from the register: bounded, not trusted.
    private readonly ClearingCache<string, IProviderGrain> _providers = new(100_000, StringComparer.Ordinal);
    private readonly ClearingCache<string, ICitizenGrain> _people = new(100_000, StringComparer.Ordinal);

    /// <summary>The grain of provider <paramref name="providerId"/>.</summary>
    public IProviderGrain Provider(string providerId) =>
        _providers.GetOrAdd(providerId, static (id, factory) => factory.GetGrain<IProviderGrain>(id), grains);

    /// <summary>The grain of person <paramref name="personId"/>.</summary>
    public ICitizenGrain Citizen(string personId) =>
        _people.GetOrAdd(personId, static (id, factory) => factory.GetGrain<ICitizenGrain>(id), grains);
}
