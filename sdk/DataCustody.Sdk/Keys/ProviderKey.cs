using System.Text.RegularExpressions;
using DataCustody.Transparency.Codecs;
using NSec.Cryptography;

namespace DataCustody.Sdk.Keys;

/// <summary>
/// A provider's Ed25519 statement-signing key and the <c>kid</c> it is registered under. The private
/// key is stored as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), which OpenSSL also reads.
/// </summary>
public sealed partial class ProviderKey : IDisposable
{
    private ProviderKey(string keyId, Key key)
    {
        KeyId = keyId;
        Key = key;
    }

    /// <summary>The key id statements name in their <c>kid</c> header.</summary>
    public string KeyId { get; }

    /// <summary>The private key, for <see cref="Transparency.Jws.CompactJws.Sign"/>.</summary>
    public Key Key { get; }

    /// <summary>The public key as the broker registers it: 32 raw bytes in unpadded base64url.</summary>
    public string PublicKeyBase64Url => StrictBase64.EncodeUrl(Key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Whether <paramref name="keyId"/> is a valid <c>kid</c>: 1 to 64 of <c>A-Z a-z 0-9 . _ : -</c>.</summary>
    public static bool IsValidKeyId(string? keyId) => keyId is not null && KeyIdPattern().IsMatch(keyId);

    /// <summary>Creates a new random key.</summary>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is not a valid kid.</exception>
    public static ProviderKey Generate(string keyId)
    {
        RequireValidKeyId(keyId);
        return new ProviderKey(keyId, Key.Create(SignatureAlgorithm.Ed25519, Exportable));
    }

    /// <summary>Reads a key from its PEM text.</summary>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is not a valid kid.</exception>
    /// <exception cref="FormatException">The text is not a PKCS#8 PEM Ed25519 private key.</exception>
    public static ProviderKey FromPem(string keyId, string pem)
    {
        RequireValidKeyId(keyId);
        ArgumentNullException.ThrowIfNull(pem);
        if (!Key.TryImport(SignatureAlgorithm.Ed25519, StrictUtf8.Encoding.GetBytes(pem), KeyBlobFormat.PkixPrivateKeyText, out var key, Exportable) || key is null)
        {
            throw new FormatException("The text is not an Ed25519 private key in PKCS#8 PEM ('-----BEGIN PRIVATE KEY-----').");
        }
        return new ProviderKey(keyId, key);
    }

    /// <summary>The private key as PKCS#8 PEM. Keep it secret.</summary>
    public string ToPem() => StrictUtf8.Encoding.GetString(Key.Export(KeyBlobFormat.PkixPrivateKeyText));

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();

    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private static void RequireValidKeyId(string keyId)
    {
        if (!IsValidKeyId(keyId))
        {
            throw new ArgumentException($"The kid '{keyId}' is not 1 to 64 of A-Z a-z 0-9 . _ : -.", nameof(keyId));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,64}\z")]
    private static partial Regex KeyIdPattern();
}
