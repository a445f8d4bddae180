using DataCustody.Benchmarks.Custody;
using DataCustody.Grains.Statements;

namespace DataCustody.Benchmarks.Generation;

/// <summary>The profiles and model-contract terms the generated providers declare.</summary>
internal static class ProviderDeclarations
{
    /// <summary>
    /// A profile at <paramref name="level"/>: higher levels encrypt, pseudonymise and log more.
    /// Hosts store in several countries.
    /// </summary>
    public static ProfileDeclared Profile(BenchmarkProvider provider, int level, Certification? certification, DateTimeOffset now)
    {
        string[] storage = provider.Sector == Sector.Cloud.Name ? [provider.Jurisdiction, "US", "SG"] : [provider.Jurisdiction];
        return new ProfileDeclared(
            provider.NextId(), now, provider.Id, level, level >= 2, true, level >= 3, level >= 2,
            certification is null ? [] : [certification], [.. storage.Distinct()], level >= 3 ? 365 : 730, []);
    }

    /// <summary>
    /// Version 1 or 2 of the provider's model contract; the second shortens the deletion and
    /// breach-notification deadlines, as contracts tend to tighten.
    /// </summary>
    public static TermsDeclared Terms(BenchmarkProvider provider, int version, DateTimeOffset now)
    {
        var (breachHours, deletionDays) = version == 1 ? (72, 30) : (24, 14);
        var text = $"Model contract of {provider.Id}, version {version}: the recipient protects the data at level {provider.Level} or better, "
            + $"passes it on only as the consent allows, notifies a breach within {breachHours} hours and deletes the data within {deletionDays} days of a request.";
        return provider.Terms(now, $"Model contract v{version}", text, new TermsSummary(true, breachHours, deletionDays, provider.Jurisdiction));
    }
}
