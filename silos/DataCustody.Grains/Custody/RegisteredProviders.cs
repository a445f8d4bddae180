using DataCustody.Storage;

namespace DataCustody.Grains.Custody;

/// <summary>
/// The providers this silo has seen on the register. A provider never leaves the register once on
/// it, so what one person's grain learned from a provider's grain holds for every person's grain:
/// a transfer check to a recipient the silo knows costs no round trip to the recipient's grain.
/// Only registrations are remembered; a provider not known here is asked again.
/// </summary>
public sealed class RegisteredProviders
{
    private readonly ClearingCache<string, bool> _registered = new(100_000, StringComparer.Ordinal);

    /// <summary>Whether the silo has seen <paramref name="providerId"/> registered.</summary>
    public bool Contains(string providerId) => _registered.TryGet(providerId, out _);

    /// <summary>Remembers that <paramref name="providerId"/> is registered.</summary>
    public void Add(string providerId) => _registered.Remember(providerId, true);
}
