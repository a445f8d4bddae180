using DataCustody.Transparency.Tiles;

namespace DataCustody.Transparency.Tests;

public sealed class EntryBundleTests
{
    public static TheoryData<byte[][], string> Bundles => new()
    {
        { [], "" },
        { [[]], "0000" },
        { [[0x61]], "000161" },
        { [[0x61, 0x62], [], [0x63]], "00026162" + "0000" + "000163" },
        { [new byte[300]], "012C" + new string('0', 600) },
    };

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Encodes_each_entry_as_a_big_endian_length_and_its_bytes_and_decodes_back(byte[][] entries, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(EntryBundle.Encode(entries)));
        Assert.True(EntryBundle.TryDecode(Convert.FromHexString(hex), out var decoded, out var reason), reason);
        Assert.Equal(entries, decoded);
    }

    [Theory]
    [InlineData("00", "length prefix")]
    [InlineData("000261", "inside entry 0")]
    [InlineData("000161" + "0003616263" + "00", "length prefix")]
    [InlineData("000161" + "00036162", "inside entry 1")]
    public void Refuses_a_bundle_that_ends_inside_a_length_or_an_entry(string hex, string expected)
    {
        Assert.False(EntryBundle.TryDecode(Convert.FromHexString(hex), out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_encode_an_entry_longer_than_a_length_prefix_can_say()
    {
        Assert.NotNull(EntryBundle.Encode([new byte[EntryBundle.MaxEntryBytes]]));
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[EntryBundle.MaxEntryBytes + 1]]));
    }
}
