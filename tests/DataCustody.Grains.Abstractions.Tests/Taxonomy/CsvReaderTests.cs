using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class CsvReaderTests
{
    public static TheoryData<string, string[][]> WellFormed => new()
    {
        { "a,b\nc,d\n", [["a", "b"], ["c", "d"]] },
        { "a,b\r\nc,d", [["a", "b"], ["c", "d"]] },
        { "a,,c\n", [["a", "", "c"]] },
        { "a,b,\n", [["a", "b", ""]] },
        { "a,b,", [["a", "b", ""]] },
        { "\"x, y\",z\n", [["x, y", "z"]] },
        { "\"say \"\"hi\"\"\",z\n", [["say \"hi\"", "z"]] },
        { "\"two\nlines\",z\r\n", [["two\nlines", "z"]] },
        { "\"\",z", [["", "z"]] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Reads_well_formed_csv(string text, string[][] expected)
    {
        var records = CsvReader.Read(text);

        Assert.Equal(expected, records.Select(r => r.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("\"open,z\n")]
    [InlineData("\"closed\"x,z\n")]
    [InlineData("in\"side,z\n")]
    public void Rejects_malformed_csv(string text) =>
        Assert.Throws<InvalidDataException>(() => CsvReader.Read(text));

    [Fact]
    public void Reads_the_quoted_descriptions_of_the_shipped_files()
    {
        var uses = CsvReader.Read(File.ReadAllText(TaxonomyFiles.Path("data_uses.csv")));

        var advertising = Assert.Single(uses, r => r[0] == "marketing.advertising");
        Assert.Equal("Advertising, Marketing or Promotion", advertising[2]);
        Assert.All(uses, r => Assert.Equal(uses[0].Count, r.Count));
    }
}
