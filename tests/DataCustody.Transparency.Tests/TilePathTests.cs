using DataCustody.Transparency.Tiles;

namespace DataCustody.Transparency.Tests;

public sealed class TilePathTests
{
    public static TheoryData<string, int?, long, int?> Canonical => new()
    {
        { "0/000", 0, 0, null },
        { "0/005", 0, 5, null },
        { "1/x001/000", 1, 1000, null },
        { "2/x001/x234/067", 2, 1234067, null },
        { "0/x001/x234/067.p/8", 0, 1234067, 8 },
        { "63/999.p/255", 63, 999, 255 },
        { "entries/x001/234", null, 1234, null },
        { "entries/000.p/1", null, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void A_canonical_path_parses_and_formats_back(string path, int? level, long index, int? width)
    {
        Assert.True(TilePath.TryParse(path, out var tile, out var reason), reason);

        Assert.Equal(new TilePath(level, index, width), tile);
        Assert.Equal(path, tile!.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("00/000")]
    [InlineData("64/000")]
    [InlineData("-1/000")]
    [InlineData("0/5")]
    [InlineData("0/0005")]
    [InlineData("0/x000/005")]
    [InlineData("0/001/234")]
    [InlineData("0/x001/x234")]
    [InlineData("0/x1/234")]
    [InlineData("0/000.p/0")]
    [InlineData("0/000.p/256")]
    [InlineData("0/000.p/08")]
    [InlineData("0/000.p")]
    [InlineData("0/x999/x999/x999/x999/x999/x999/x999/999")]
    [InlineData("blobs/000")]
    public void A_non_canonical_path_is_refused_with_a_reason(string path)
    {
        Assert.False(TilePath.TryParse(path, out var tile, out var reason));
        Assert.Null(tile);
        Assert.NotEmpty(reason);
    }
}
