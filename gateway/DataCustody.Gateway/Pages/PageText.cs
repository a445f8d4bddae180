using System.Globalization;
using DataCustody.Grains.Taxonomy;
using Basis = DataCustody.Grains.Taxonomy.LegalBasis;

namespace DataCustody.Gateway.Pages;

/// <summary>How the pages write times, providers, data categories, purposes, legal bases and terms: the same way on every page.</summary>
public static class PageText
{
    /// <summary>A time in UTC to the minute, the precision people read log facts at.</summary>
    public static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A provider's registered name, or its id when it has none (yet).</summary>
    public static string Provider(IReadOnlyDictionary<string, string> names, string providerId)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.TryGetValue(providerId, out var name) ? name : providerId;
    }

    /// <summary>A data category by its fideslang name, marked when the law asks for special care with it.</summary>
    public static string Category(string key) => FideslangTaxonomy.Default.TryResolveCategory(key, out var category, out _)
        ? category.IsSensitive ? $"{category.Name} (special care)" : category.Name
        : key;

    /// <summary>A purpose by its fideslang name.</summary>
    public static string Purpose(string key) => FideslangTaxonomy.Default.TryResolveUse(key, out var use, out _) ? use.Name : key;

    /// <summary>A legal basis by its wire name, in words that follow "on": "on your consent", "on a contract with you".</summary>
    public static string LegalBasis(string key) => LegalBases.TryParse(key, out var basis)
        ? basis switch
        {
            Basis.Consent => "your consent",
            Basis.Contract => "a contract with you",
            Basis.LegalObligation => "a legal obligation",
            Basis.VitalInterest => "protecting someone's vital interests",
            Basis.PublicTask => "a task in the public interest",
            Basis.LegitimateInterest => "a legitimate interest",
            _ => key,
        }
        : key;

    /// <summary>Data categories or purposes as a list in words.</summary>
    public static string List(IEnumerable<string> keys, Func<string, string> name) => string.Join(", ", keys.Select(name));

    /// <summary>Log entries as people cite them: <c>#12, #15</c>.</summary>
    public static string Entries(IEnumerable<long> indices) => string.Join(", ", indices.Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A terms document by the start of its SHA-256, enough to tell versions apart on a page.</summary>
    public static string Terms(string? sha256) => sha256 is { Length: > 12 } ? sha256[..12] + "…" : sha256 ?? "none stated";
}
