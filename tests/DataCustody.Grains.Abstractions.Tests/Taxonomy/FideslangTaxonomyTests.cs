using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class FideslangTaxonomyTests
{
    private static readonly FideslangTaxonomy Taxonomy = FideslangTaxonomy.Default;

    [Theory]
    [InlineData("user.contact.email", "User Contact Email", "user.contact")]
    [InlineData("user.financial.bank_account", "Bank Account Information", "user.financial")]
    [InlineData("user.health_and_medical", "Health and Medical Data", "user")]
    [InlineData("user.health_and_medical.genetic", "User's Genetic Data", "user.health_and_medical")]
    [InlineData("user", "User Data", null)]
    [InlineData("system.operations", "Operations Data", "system")]
    public void Known_categories_resolve(string key, string name, string? parent)
    {
        Assert.True(Taxonomy.TryResolveCategory(key, out var category, out var error), error);
        Assert.Equal(key, category.Key);
        Assert.Equal(name, category.Name);
        Assert.Equal(parent, category.ParentKey);
        Assert.NotEmpty(category.Description);
    }

    [Theory]
    [InlineData("essential.service.payment_processing", "Essential for Payment Processing", "essential.service")]
    [InlineData("marketing.advertising.third_party.targeted", "Third Party Targeted Advertising", "marketing.advertising.third_party")]
    [InlineData("third_party_sharing.legal_obligation", "Sharing for Legal Obligation", "third_party_sharing")]
    [InlineData("personalize.content.profiling", "Profiling for Personalization", "personalize.content")]
    [InlineData("marketing", "Marketing", null)]
    public void Known_uses_resolve(string key, string name, string? parent)
    {
        Assert.True(Taxonomy.TryResolveUse(key, out var use, out var error), error);
        Assert.Equal(key, use.Key);
        Assert.Equal(name, use.Name);
        Assert.Equal(parent, use.ParentKey);
    }

    [Theory]
    [InlineData("data_category")]
    [InlineData("user.contact.fax")]
    [InlineData("User.Contact.Email")]
    [InlineData("user.contact.email ")]
    [InlineData("user.")]
    [InlineData("")]
    [InlineData("marketing")]
    public void Unknown_categories_are_rejected_with_the_key_named(string key)
    {
        Assert.False(Taxonomy.TryResolveCategory(key, out var category, out var error));
        Assert.Null(category);
        Assert.Contains($"'{key}'", error, StringComparison.Ordinal);
        Assert.Contains("data category", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data_use")]
    [InlineData("marketing.advertising.fourth_party")]
    [InlineData("user.contact.email")]
    public void Unknown_uses_are_rejected_with_the_key_named(string key)
    {
        Assert.False(Taxonomy.TryResolveUse(key, out _, out var error));
        Assert.Contains($"'{key}'", error, StringComparison.Ordinal);
        Assert.Contains("data use", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_every_current_key_of_the_shipped_files_once()
    {
        // 87 and 56 rows: a header, the root and the keys.
        Assert.Equal(85, Taxonomy.Categories.Count);
        Assert.Equal(54, Taxonomy.Uses.Count);
        Assert.Equal(Taxonomy.Categories.Count, Taxonomy.Categories.Select(c => c.Key).Distinct().Count());
        Assert.All(Taxonomy.Categories, c => Assert.True(c.ParentKey is null || Taxonomy.TryResolveCategory(c.ParentKey, out _, out _)));
        Assert.All(Taxonomy.Uses, u => Assert.True(u.ParentKey is null || Taxonomy.TryResolveUse(u.ParentKey, out _, out _)));
    }

    /// <summary>The deprecated rows of the shipped files (none in the fideslang commit shipped today), each resolving to its successor.</summary>
    [Fact]
    public void Every_deprecated_row_of_the_shipped_files_resolves_to_a_current_successor()
    {
        foreach (var row in DeprecatedRows("data_categories.csv"))
        {
            Assert.True(Taxonomy.TryResolveCategory(row.Key, out var category, out var error), error);
            Assert.NotEqual(row.Key, category.Key);
            Assert.Contains(category, Taxonomy.Categories);
        }
        foreach (var row in DeprecatedRows("data_uses.csv"))
        {
            Assert.True(Taxonomy.TryResolveUse(row.Key, out var use, out var error), error);
            Assert.NotEqual(row.Key, use.Key);
            Assert.Contains(use, Taxonomy.Uses);
        }
    }

    [Theory]
    [InlineData("user.email", "user.contact.email")]
    [InlineData("user.mail", "user.contact.email")]
    [InlineData("user.medical", "user.health_and_medical")]
    [InlineData("user.contact.email", "user.contact.email")]
    public void Deprecated_categories_resolve_to_their_successors(string key, string successor)
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);

        Assert.True(taxonomy.TryResolveCategory(key, out var category, out var error), error);
        Assert.Equal(successor, category.Key);
    }

    [Fact]
    public void A_deprecated_key_keeps_the_sensitivity_of_its_successor()
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);

        Assert.True(taxonomy.TryResolveCategory("user.medical", out var category, out _));
        Assert.True(category.IsSensitive);
    }

    [Fact]
    public void Deprecated_uses_resolve_to_their_successors_and_are_not_listed()
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);

        Assert.True(taxonomy.TryResolveUse("advertising", out var use, out _));
        Assert.Equal("marketing", use.Key);
        Assert.Equal(["marketing"], taxonomy.Uses.Select(u => u.Key));
        Assert.Equal(["user", "user.contact", "user.contact.email", "user.health_and_medical"], taxonomy.Categories.Select(c => c.Key));
    }

    [Fact]
    public void A_deprecated_key_without_successor_is_rejected_as_such()
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);

        Assert.False(taxonomy.TryResolveCategory("user.fax", out _, out var error));
        Assert.Equal("'user.fax' is a deprecated data category without a successor.", error);
    }

    public static TheoryData<string, string> BrokenCategories => new()
    {
        { "circular replaced_by", "user,True,U,o,data_category,,,2.0.0,,d\nuser.a,True,A,o,user,user.b,,1.0.0,2.0.0,d\nuser.b,True,B,o,user,user.a,,1.0.0,2.0.0,d\n" },
        { "missing successor", "user,True,U,o,data_category,,,2.0.0,,d\nuser.a,True,A,o,user,user.zzz,,1.0.0,2.0.0,d\n" },
        { "missing parent", "user,True,U,o,data_category,,,2.0.0,,d\nuser.a.b,True,B,o,user.a,,,2.0.0,,d\n" },
        { "repeated key", "user,True,U,o,data_category,,,2.0.0,,d\nuser,True,U,o,data_category,,,2.0.0,,d\n" },
        { "no parent", "user,True,U,o,,,,2.0.0,,d\n" },
        { "short row", "user,True,U,o,data_category\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenCategories))]
    public void Inconsistent_files_fail_to_load(string problem, string rows)
    {
        Assert.NotEmpty(problem);
        Assert.Throws<InvalidDataException>(() => new FideslangTaxonomy(TaxonomyFiles.Header + rows, TaxonomyFiles.UsesWithDeprecations));
    }

    private static IEnumerable<(string Key, string ReplacedBy)> DeprecatedRows(string file)
    {
        var records = CsvReader.Read(File.ReadAllText(TaxonomyFiles.Path(file)));
        var header = records[0].ToList();
        int key = header.IndexOf("fides_key"), replacedBy = header.IndexOf("replaced_by"), deprecated = header.IndexOf("version_deprecated");
        return records.Skip(1).Where(r => r[deprecated].Length > 0).Select(r => (r[key], r[replacedBy]));
    }
}
