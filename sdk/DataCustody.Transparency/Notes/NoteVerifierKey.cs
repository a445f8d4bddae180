using System.Globalization;
using DataCustody.Transparency.Codecs;
using NSec.Cryptography;

namespace DataCustody.Transparency.Notes;

/// <summary>
/// A public Ed25519 note key in its published form <c>name+keyid+base64(0x01 || public key)</c>,
/// for example <c>PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW</c>.
/// </summary>
public sealed class NoteVerifierKey
{
    private readonly PublicKey _key;

    /// <summary>Creates the verifier key of <paramref name="publicKey"/> under <paramref name="name"/>.</summary>
    public NoteVerifierKey(string name, PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (!NoteKeyName.IsValid(name))
        {
            throw new NoteException(NoteError.Malformed, $"The key name '{name}' is empty or has a space or '+'.");
        }
        if (publicKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("Note keys are Ed25519 keys.", nameof(publicKey));
        }
        Name = name;
        _key = publicKey;
        PublicKeyBytes = publicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = NoteKeyName.KeyId(name, PublicKeyBytes);
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID that signature lines carry.</summary>
    public uint KeyId { get; }

    /// <summary>The raw 32-byte Ed25519 public key.</summary>
    public byte[] PublicKeyBytes { get; }

    /// <summary>Parses the published form; throws <see cref="NoteException"/> saying which part is wrong.</summary>
    public static NoteVerifierKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteException(NoteError.Malformed, "A verifier key has three parts separated by '+': name, key ID and key.");
        }
        var (name, keyIdText, keyText) = (parts[0], parts[1], parts[2]);
        var keyId = ParseKeyId(keyIdText);
        var key = DecodeTypedKey(keyText, "public key");
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            throw new NoteException(NoteError.Malformed, "The public key is not a valid Ed25519 key.");
        }
        var verifier = new NoteVerifierKey(name, publicKey);
        if (verifier.KeyId != keyId)
        {
            throw new NoteException(NoteError.Malformed, $"The key ID {keyIdText} does not match the name and key, which give {verifier.KeyId:x8}.");
        }
        return verifier;
    }

    /// <summary>Checks an Ed25519 signature over the note text.</summary>
    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key, text, signature);

    /// <summary>The published form.</summary>
    public override string ToString() =>
        $"{Name}+{KeyId:x8}+{Convert.ToBase64String([NoteKeyName.Ed25519Type, .. PublicKeyBytes])}";

    internal static uint ParseKeyId(string text)
    {
        if (text.Length != 8 || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new NoteException(NoteError.Malformed, $"The key ID '{text}' is not eight hexadecimal digits.");
        }
        return keyId;
    }

    internal static byte[] DecodeTypedKey(string text, string what)
    {
        if (!StrictBase64.TryDecode(text, out var typed))
        {
            throw new NoteException(NoteError.Malformed, $"The {what} is not canonical base64.");
        }
        if (typed.Length != 33 || typed[0] != NoteKeyName.Ed25519Type)
        {
            throw new NoteException(NoteError.Malformed, $"The {what} is not an Ed25519 key (type byte 0x01 and 32 bytes).");
        }
        return typed[1..];
    }
}
