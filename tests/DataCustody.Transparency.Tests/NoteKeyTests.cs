using DataCustody.Transparency.Notes;

namespace DataCustody.Transparency.Tests;

public sealed class NoteKeyTests
{
    private const string GoVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    [Fact]
    public void A_generated_key_round_trips_through_its_text_forms()
    {
        using var signer = NoteSignerKey.Generate("custody.example/log");
        using var reparsed = NoteSignerKey.Parse(signer.ToSecretString());
        var verifier = NoteVerifierKey.Parse(signer.Verifier.ToString());

        Assert.Equal(signer.Verifier.ToString(), reparsed.Verifier.ToString());
        Assert.Equal(signer.KeyId, verifier.KeyId);
        Assert.Equal(NoteKeyName.KeyId("custody.example/log", verifier.PublicKeyBytes), verifier.KeyId);
    }

    public static TheoryData<string, string> BadVerifierKeys => new()
    {
        { "two parts", "PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "key ID of seven digits", "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "key ID not hexadecimal", "PeterNeumann+c74f20ag+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "key ID that does not match", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "name that does not match", "PeterNeumanm+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "wrong type byte", "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "key too short", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10" },
        { "key not base64", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy1!TW" },
        { "empty name", "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
        { "name with space", "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" },
    };

    [Theory]
    [MemberData(nameof(BadVerifierKeys))]
    public void A_bad_verifier_key_is_rejected(string reason, string key)
    {
        var error = Assert.Throws<NoteException>(() => NoteVerifierKey.Parse(key));

        Assert.Equal(NoteError.Malformed, error.Error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), reason);
    }

    [Theory]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("PRIVATE+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData(GoVerifier)]
    public void A_bad_signer_key_is_rejected(string key)
    {
        Assert.Throws<NoteException>(() => NoteSignerKey.Parse(key));
    }

    [Fact]
    public void The_go_reference_signer_key_derives_its_verifier_key()
    {
        using var signer = NoteSignerKey.Parse(GoSigner);

        Assert.Equal(GoVerifier, signer.Verifier.ToString());
    }
}
