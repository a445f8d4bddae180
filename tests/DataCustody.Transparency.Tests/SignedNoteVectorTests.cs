using DataCustody.Transparency.Notes;

namespace DataCustody.Transparency.Tests;

public sealed class SignedNoteVectorTests
{
    private static readonly IReadOnlyList<NoteCase> Cases = Vectors.Read<NoteVectorFile>("signed-note/vectors.json").Cases;

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    [Fact]
    public void The_go_reference_note_is_reproduced_byte_for_byte_from_its_signer_key()
    {
        var c = Cases.Single(c => c.Name == "go-reference");
        using var signer = NoteSignerKey.Parse(c.SignerKey!);

        Assert.Equal(c.Note, SignedNote.Sign(c.Text, signer));
        Assert.Equal(c.VerifierKey, signer.Verifier.ToString());
        Assert.Equal(c.SignerKey, signer.ToSecretString());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_note_verifies_with_its_verifier_key(string name)
    {
        var c = Cases.Single(c => c.Name == name);
        var key = NoteVerifierKey.Parse(c.VerifierKey);

        var opened = SignedNote.Open(c.Note, [key]);

        Assert.Equal(c.Text, opened.Text);
        var signature = Assert.Single(opened.Verified);
        Assert.Equal((key.Name, key.KeyId), (signature.Name, signature.KeyId));
        Assert.Empty(opened.Unverified);
        Assert.Equal(c.VerifierKey, key.ToString());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_note_with_one_changed_text_byte_is_rejected(string name)
    {
        var c = Cases.Single(c => c.Name == name);
        var tampered = "X" + c.Note[1..];

        var error = Assert.Throws<NoteException>(() => SignedNote.Open(tampered, [NoteVerifierKey.Parse(c.VerifierKey)]));

        Assert.Equal(NoteError.InvalidSignature, error.Error);
    }

    private sealed record NoteVectorFile(IReadOnlyList<NoteCase> Cases);

    private sealed record NoteCase(string Name, string VerifierKey, string? SignerKey, string Text, string Note);
}
