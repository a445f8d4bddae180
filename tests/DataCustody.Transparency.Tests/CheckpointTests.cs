using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Notes;

namespace DataCustody.Transparency.Tests;

public sealed class CheckpointTests
{
    private const string Root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    [Fact]
    public void The_c2sp_example_body_parses_and_formats_back_identically()
    {
        const string body = "example.com/behind-the-sofa\n20852163\n" + Root + "\n";

        var checkpoint = Checkpoint.Parse(body);

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163UL, checkpoint.Size);
        Assert.Equal(Convert.FromBase64String(Root), checkpoint.RootHash.ToArray());
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(body, checkpoint.ToText());
    }

    [Fact]
    public void Extension_lines_survive_a_round_trip()
    {
        var checkpoint = new Checkpoint("custody.example/log", 0, Convert.FromBase64String(Root), ["timestamp 1764131208", "other"]);

        var parsed = Checkpoint.Parse(checkpoint.ToText());

        Assert.Equal(["timestamp 1764131208", "other"], parsed.Extensions);
        Assert.Equal(checkpoint.ToText(), parsed.ToText());
    }

    [Fact]
    public void The_largest_size_is_accepted()
    {
        Assert.Equal(ulong.MaxValue, Checkpoint.Parse($"o\n{ulong.MaxValue}\n{Root}\n").Size);
    }

    public static TheoryData<string, string, int?> BadBodies => new()
    {
        { "no final newline", $"o\n1\n{Root}", null },
        { "two lines", "o\n1\n", null },
        { "empty origin", $"\n1\n{Root}\n", 1 },
        { "leading zero", $"o\n01\n{Root}\n", 2 },
        { "plus sign", $"o\n+1\n{Root}\n", 2 },
        { "space before size", $"o\n 1\n{Root}\n", 2 },
        { "negative size", $"o\n-1\n{Root}\n", 2 },
        { "hexadecimal size", $"o\n0x1\n{Root}\n", 2 },
        { "non-ASCII digit", $"o\n\u0661\n{Root}\n", 2 },
        { "size beyond 64 bits", $"o\n18446744073709551616\n{Root}\n", 2 },
        { "root not base64", "o\n1\nnot base64!\n", 3 },
        { "root without padding", $"o\n1\n{Root.TrimEnd('=')}\n", 3 },
        { "root with stray bits", $"o\n1\n{Root[..42]}J=\n", 3 },
        { "root of 31 bytes", $"o\n1\n{Convert.ToBase64String(new byte[31])}\n", 3 },
        { "root of 33 bytes", $"o\n1\n{Convert.ToBase64String(new byte[33])}\n", 3 },
        { "empty extension line", $"o\n1\n{Root}\n\next\n", 4 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void A_malformed_body_is_rejected_naming_its_line(string reason, string body, int? line)
    {
        var error = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Parse(body));

        Assert.Equal(line, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), reason);
    }

    [Fact]
    public void A_signed_checkpoint_opens_only_with_the_log_key()
    {
        using var log = NoteSignerKey.Generate("custody.example/log");
        using var other = NoteSignerKey.Generate("custody.example/log");
        var checkpoint = new Checkpoint("custody.example/log", 42, Convert.FromBase64String(Root));

        var note = checkpoint.Sign(log);

        Assert.Equal(42UL, Checkpoint.OpenSigned(note, log.Verifier).Size);
        Assert.Equal(NoteError.NoKnownSignature, Assert.Throws<NoteException>(() => Checkpoint.OpenSigned(note, other.Verifier)).Error);
    }

    [Fact]
    public void A_checkpoint_of_another_origin_does_not_open_although_the_log_key_signed_it()
    {
        using var log = NoteSignerKey.Generate("custody.example/log");
        var note = new Checkpoint("some.other.log", 42, Convert.FromBase64String(Root)).Sign(log);

        var error = Assert.Throws<CheckpointFormatException>(() => Checkpoint.OpenSigned(note, log.Verifier));

        Assert.Equal(1, error.Line);
        Assert.Contains("'some.other.log'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'custody.example/log'", error.Message, StringComparison.Ordinal);
    }
}
