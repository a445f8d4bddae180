using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Signs the statements the broker makes itself (consents on a person's behalf, obligations,
/// handles) as compact JWS with its Ed25519 statement key.
/// </summary>
public sealed class BrokerSigner
{
    private readonly Key _key;

    /// <summary>Signs with <paramref name="key"/>; the key id is derived from the public key.</summary>
    public BrokerSigner(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = "broker-" + StrictBase64.EncodeUrl(System.Security.Cryptography.SHA256.HashData(PublicKey).AsSpan(0, 8));
    }

    /// <summary>The <c>kid</c> of broker statements.</summary>
    public string KeyId { get; }

    /// <summary>The raw public key that verifies broker statements.</summary>
    public byte[] PublicKey { get; }

    /// <summary>Signs a payload.</summary>
    public string Sign(ReadOnlySpan<byte> payload) => CompactJws.Sign(_key, KeyId, payload);
}
