using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class AttributionTests
{
    [Theory]
    [InlineData("data_categories.csv")]
    [InlineData("data_uses.csv")]
    [InlineData("data_subjects.csv")]
    public void The_embedded_taxonomy_is_the_file_beside_the_code(string file) =>
        Assert.Equal(File.ReadAllBytes(TaxonomyFiles.Path(file)), Resource(file));

    [Fact]
    public void The_licence_and_the_credit_ship_inside_the_assembly()
    {
        var licence = System.Text.Encoding.UTF8.GetString(Resource("LICENSE"));
        var readme = System.Text.Encoding.UTF8.GetString(Resource("README.md"));

        Assert.Contains("Attribution 4.0 International", licence, StringComparison.Ordinal);
        Assert.Contains("fideslang by Ethyca", readme, StringComparison.Ordinal);
        Assert.Contains("fideslang by Ethyca", FideslangTaxonomy.Attribution, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", FideslangTaxonomy.Attribution, StringComparison.Ordinal);
    }

    private static byte[] Resource(string file)
    {
        using var stream = typeof(FideslangTaxonomy).Assembly.GetManifestResourceStream("taxonomy/" + file);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
