using DataCustody.Gateway.Apis.Plumbing;

namespace DataCustody.Gateway.Tests.Compliance;

/// <summary>What the CSV writer makes of fields that providers chose: read back by an independent reader.</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("Q Ltd.", "Q Ltd.")]
    [InlineData("Q, Ltd. \"Tokyo\"", "Q, Ltd. \"Tokyo\"")]
    [InlineData("=HYPERLINK(\"https://evil.example/\",\"Q Ltd.\")", "'=HYPERLINK(\"https://evil.example/\",\"Q Ltd.\")")]
    [InlineData("+81 3 1234 5678", "'+81 3 1234 5678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("privacy@q.example", "privacy@q.example")]
    [InlineData("", "")]
    public void A_field_reads_back_as_itself_unless_a_spreadsheet_would_run_it(string field, string expected)
    {
        var rows = CsvTable.Parse(Csv.Write(["name", "contact"], [[field, "x"]]));

        Assert.Equal(["name", "contact"], rows[0]);
        Assert.Equal([expected, "x"], rows[1]);
    }
}
