using DataCustody.Transparency.Notes;

namespace DataCustody.Transparency.Tests;

public sealed class SignedNoteTests : IDisposable
{
    private const string Text = "example.com/log\n3\nAAAA\n";
    private readonly NoteSignerKey _alice = NoteSignerKey.Generate("alice.example/log");
    private readonly NoteSignerKey _bob = NoteSignerKey.Generate("bob.example/witness");

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public void A_note_signed_twice_opens_with_either_key_and_keeps_the_other_signature_as_unverified()
    {
        var note = SignedNote.Sign(Text, _alice, _bob);

        var byAlice = SignedNote.Open(note, [_alice.Verifier]);
        var byBoth = SignedNote.Open(note, [_alice.Verifier, _bob.Verifier]);

        Assert.Equal(Text, byAlice.Text);
        Assert.Equal(["alice.example/log"], byAlice.Verified.Select(s => s.Name));
        Assert.Equal(["bob.example/witness"], byAlice.Unverified.Select(s => s.Name));
        Assert.Equal(2, byBoth.Verified.Count);
        Assert.Empty(byBoth.Unverified);
    }

    [Fact]
    public void A_note_with_no_signature_by_a_known_key_is_rejected()
    {
        var note = SignedNote.Sign(Text, _bob);

        var error = Assert.Throws<NoteException>(() => SignedNote.Open(note, [_alice.Verifier]));

        Assert.Equal(NoteError.NoKnownSignature, error.Error);
    }

    [Fact]
    public void A_key_with_the_right_name_but_another_key_id_is_treated_as_unknown()
    {
        using var impostor = NoteSignerKey.Generate("alice.example/log");
        var note = SignedNote.Sign(Text, impostor, _alice);

        var opened = SignedNote.Open(note, [_alice.Verifier]);

        Assert.Single(opened.Verified);
        Assert.Equal(impostor.KeyId, Assert.Single(opened.Unverified).KeyId);
    }

    [Fact]
    public void A_known_key_whose_signature_fails_rejects_the_whole_note_and_names_the_line()
    {
        var note = SignedNote.Sign(Text, _alice, _bob);
        var lines = note.Split('\n');
        // Line 6 is bob's signature; swap its bytes for alice's signature bytes under bob's name.
        var aliceSignature = lines[4][(lines[4].LastIndexOf(' ') + 1)..];
        var bobWithWrongBytes = $"\u2014 bob.example/witness {Convert.ToBase64String([.. BitConverter.GetBytes(_bob.KeyId).Reverse(), .. Convert.FromBase64String(aliceSignature)[4..]])}";
        var tampered = string.Join('\n', lines[..5]) + "\n" + bobWithWrongBytes + "\n";

        var error = Assert.Throws<NoteException>(() => SignedNote.Open(tampered, [_alice.Verifier, _bob.Verifier]));

        Assert.Equal(NoteError.InvalidSignature, error.Error);
        Assert.Equal(6, error.Line);
    }

    public static TheoryData<string, string, int?> MalformedNotes => new()
    {
        { "no blank line", "text\n\u2014 alice.example/log AAAAAAA=\n", null },
        { "signatures without final newline", "text\n\n\u2014 alice.example/log AAAAAAA=", null },
        { "signature line without em dash", "text\n\n- alice.example/log AAAAAAA=\n", 3 },
        { "signature line without a space", "text\n\n\u2014 alice.example/logAAAAAAA=\n", 3 },
        { "key name with plus", "text\n\n\u2014 alice+log AAAAAAA=\n", 3 },
        { "empty key name", "text\n\n\u2014  AAAAAAA=\n", 3 },
        { "signature not base64", "text\n\n\u2014 alice.example/log !!!!\n", 3 },
        { "signature with whitespace", "text\n\n\u2014 alice.example/log AAAA AAA=\n", 3 },
        { "signature too short", "text\n\n\u2014 alice.example/log AAAAAA==\n", 3 },
        { "carriage return", "text\r\n\n\u2014 alice.example/log AAAAAAA=\n", 1 },
        { "tab in second line", "a\nb\tc\n\n\u2014 alice.example/log AAAAAAA=\n", 2 },
        { "no signature lines", "text\n\n\n", null },
    };

    [Theory]
    [MemberData(nameof(MalformedNotes))]
    public void A_malformed_note_is_rejected_with_a_reason_and_its_line(string reason, string note, int? line)
    {
        var error = Assert.Throws<NoteException>(() => SignedNote.Open(note, [_alice.Verifier]));

        Assert.Equal(NoteError.Malformed, error.Error);
        Assert.Equal(line, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), reason);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        byte[] note = [(byte)'a', 0xC3, (byte)'\n', (byte)'\n'];

        var error = Assert.Throws<NoteException>(() => SignedNote.Open(note, [_alice.Verifier]));

        Assert.Equal(NoteError.Malformed, error.Error);
    }

    [Fact]
    public void More_signatures_than_the_limit_are_rejected()
    {
        var line = SignedNote.Sign(Text, _bob)[(Text.Length + 1)..];
        var note = Text + "\n" + string.Concat(Enumerable.Repeat(line, SignedNote.MaxSignatures + 1));

        var error = Assert.Throws<NoteException>(() => SignedNote.Open(note, [_bob.Verifier]));

        Assert.Equal(NoteError.Malformed, error.Error);
    }

    [Fact]
    public void Repeated_signature_lines_are_counted_once()
    {
        var note = SignedNote.Sign(Text, _alice, _bob);
        var signatures = note[(Text.Length + 1)..];

        var opened = SignedNote.Open(Text + "\n" + signatures + signatures, [_alice.Verifier]);

        Assert.Single(opened.Verified);
        Assert.Single(opened.Unverified);
    }

    [Fact]
    public void Text_may_contain_blank_lines()
    {
        const string text = "first\n\nthird\n";

        var opened = SignedNote.Open(SignedNote.Sign(text, _alice), [_alice.Verifier]);

        Assert.Equal(text, opened.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no newline")]
    [InlineData("bell\a\n")]
    public void Text_that_cannot_be_a_note_is_not_signed(string text)
    {
        Assert.Throws<NoteException>(() => SignedNote.Sign(text, _alice));
    }
}
