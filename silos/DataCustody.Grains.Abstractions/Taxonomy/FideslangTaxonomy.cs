using System.Diagnostics.CodeAnalysis;

namespace DataCustody.Grains.Taxonomy;

/// <summary>
/// The fideslang data categories and data uses, the shared vocabulary in which every provider describes
/// what data it holds and why. Deprecated keys are still read and resolve to their successors.
/// </summary>
/// <remarks>
/// The data is "fideslang by Ethyca", CC BY 4.0; the CSV files, their licence and their README are embedded
/// in this assembly as the resources <c>taxonomy/data_categories.csv</c>, <c>taxonomy/data_uses.csv</c>,
/// <c>taxonomy/data_subjects.csv</c>, <c>taxonomy/LICENSE</c> and <c>taxonomy/README.md</c>.
/// </remarks>
public sealed class FideslangTaxonomy
{
    /// <summary>The credit the CC BY 4.0 licence asks of anything that shows or ships the taxonomy.</summary>
    public const string Attribution = "Data categories and uses: fideslang by Ethyca (github.com/ethyca/fideslang), CC BY 4.0";

    private readonly TaxonomyTable<DataCategory> _categories;
    private readonly TaxonomyTable<DataUse> _uses;

    /// <summary>Loads a taxonomy from the text of fideslang's <c>data_categories.csv</c> and <c>data_uses.csv</c>.</summary>
    /// <exception cref="InvalidDataException">A file is malformed or inconsistent.</exception>
    internal FideslangTaxonomy(string categoriesCsv, string usesCsv)
    {
        _categories = new TaxonomyTable<DataCategory>(
            TaxonomyRow.Read(categoriesCsv, "data_category"),
            row => new DataCategory(row.Key, row.Name, row.ParentKey, row.Description, SensitiveCategories.Of(row.Key)),
            "data category");
        _uses = new TaxonomyTable<DataUse>(
            TaxonomyRow.Read(usesCsv, "data_use"),
            row => new DataUse(row.Key, row.Name, row.ParentKey, row.Description),
            "data use");
    }

    /// <summary>The taxonomy embedded in this assembly, loaded on first use.</summary>
    public static FideslangTaxonomy Default { get; } = new(ReadResource("data_categories.csv"), ReadResource("data_uses.csv"));

    /// <summary>The current (not deprecated) data categories, in fideslang's order.</summary>
    public IReadOnlyCollection<DataCategory> Categories => _categories.Current;

    /// <summary>The current (not deprecated) data uses, in fideslang's order.</summary>
    public IReadOnlyCollection<DataUse> Uses => _uses.Current;

    /// <summary>Finds a data category by key; a deprecated key yields its current successor.</summary>
    /// <returns><see langword="false"/>, with a reason naming the key, if the key is unknown (the root <c>data_category</c> included) or deprecated without successor.</returns>
    public bool TryResolveCategory(string key, [NotNullWhen(true)] out DataCategory? category, [NotNullWhen(false)] out string? error) =>
        _categories.TryResolve(key, out category, out error);

    /// <summary>Finds a data use by key; a deprecated key yields its current successor.</summary>
    /// <returns><see langword="false"/>, with a reason naming the key, if the key is unknown (the root <c>data_use</c> included) or deprecated without successor.</returns>
    public bool TryResolveUse(string key, [NotNullWhen(true)] out DataUse? use, [NotNullWhen(false)] out string? error) =>
        _uses.TryResolve(key, out use, out error);

    /// <summary>
    /// Whether a grant of <paramref name="granted"/> includes <paramref name="requested"/>: the same key or
    /// one of its descendants, so <c>user.contact</c> covers <c>user.contact.email</c> but not <c>user.contactless</c>.
    /// </summary>
    public static bool Covers(string granted, string requested)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(requested);
        return requested.Length == granted.Length
            ? requested == granted
            : requested.Length > granted.Length && requested[granted.Length] == '.' && requested.StartsWith(granted, StringComparison.Ordinal);
    }

    private static string ReadResource(string file)
    {
        var name = "taxonomy/" + file;
        using var stream = typeof(FideslangTaxonomy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
