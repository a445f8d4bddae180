using NSec.Cryptography;

namespace DataCustody.Transparency.Notes;

/// <summary>
/// A private Ed25519 note key in its stored form
/// <c>PRIVATE+KEY+name+keyid+base64(0x01 || 32-byte seed)</c>. Keep it secret.
/// </summary>
public sealed class NoteSignerKey : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSignerKey(string name, Key key)
    {
        _key = key;
        Verifier = new NoteVerifierKey(name, key.PublicKey);
    }

    /// <summary>The key name.</summary>
    public string Name => Verifier.Name;

    /// <summary>The key ID that signature lines carry.</summary>
    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching public key, to publish.</summary>
    public NoteVerifierKey Verifier { get; }

    /// <summary>Creates a new random key named <paramref name="name"/>.</summary>
    public static NoteSignerKey Generate(string name)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return Own(name, key);
    }

    /// <summary>Parses the stored form; throws <see cref="NoteException"/> saying which part is wrong.</summary>
    public static NoteSignerKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NoteException(NoteError.Malformed, "A signer key starts with 'PRIVATE+KEY+'.");
        }
        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteException(NoteError.Malformed, "After 'PRIVATE+KEY+' a signer key has three parts separated by '+': name, key ID and seed.");
        }
        var keyId = NoteVerifierKey.ParseKeyId(parts[1]);
        var seed = NoteVerifierKey.DecodeTypedKey(parts[2], "seed");
        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var signer = Own(parts[0], key);
        if (signer.KeyId != keyId)
        {
            signer.Dispose();
            throw new NoteException(NoteError.Malformed, $"The key ID {parts[1]} does not match the name and key, which give {signer.KeyId:x8}.");
        }
        return signer;
    }

    /// <summary>Signs the note text with Ed25519 (deterministic, RFC 8032).</summary>
    public byte[] Sign(ReadOnlySpan<byte> text) => SignatureAlgorithm.Ed25519.Sign(_key, text);

    /// <summary>The stored form, which contains the private key.</summary>
    public string ToSecretString() =>
        $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String([NoteKeyName.Ed25519Type, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"signer key {Name}+{KeyId:x8}";

    private static NoteSignerKey Own(string name, Key key)
    {
        try
        {
            return new NoteSignerKey(name, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
