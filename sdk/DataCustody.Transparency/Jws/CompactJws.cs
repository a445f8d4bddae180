using System.Text;
using System.Text.Json;
using DataCustody.Transparency.Codecs;
using NSec.Cryptography;

namespace DataCustody.Transparency.Jws;

/// <summary>
/// A JWS compact serialization (RFC 7515) signed with Ed25519, <c>"alg":"EdDSA"</c> (RFC 8037).
/// Parsing keeps the exact bytes received: the signature is checked over them, never over a
/// re-serialization.
/// </summary>
public sealed class CompactJws
{
    /// <summary>The default limit on the decoded payload: 64 KiB.</summary>
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    /// <summary>The only algorithm accepted.</summary>
    public const string Algorithm = "EdDSA";

    private const int MaxHeaderBytes = 1024;
    private const int SignatureBytes = 64;

    private readonly int _signingInputLength;

    private CompactJws(ReadOnlyMemory<byte> serialization, int signingInputLength, string? keyId, byte[] payload, byte[] signature)
    {
        Serialization = serialization;
        _signingInputLength = signingInputLength;
        KeyId = keyId;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The exact bytes of the compact serialization.</summary>
    public ReadOnlyMemory<byte> Serialization { get; }

    /// <summary>The <c>kid</c> header: which of the signer's keys made the signature, if named.</summary>
    public string? KeyId { get; }

    /// <summary>The decoded payload.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The 64-byte Ed25519 signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>The bytes the signature covers: the encoded header, a dot and the encoded payload.</summary>
    public ReadOnlyMemory<byte> SigningInput => Serialization[.._signingInputLength];

    /// <summary>Parses a compact JWS given as a string; see <see cref="Parse(ReadOnlyMemory{byte}, int)"/>.</summary>
    public static CompactJws Parse(string serialization, int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(serialization);
        if (!Ascii.IsValid(serialization))
        {
            throw new JwsException(JwsPart.Serialization, "A compact JWS is ASCII.");
        }
        return Parse(Encoding.ASCII.GetBytes(serialization), maxPayloadBytes);
    }

    /// <summary>
    /// Parses a compact JWS: three canonical base64url parts, a JSON object header with
    /// <c>"alg":"EdDSA"</c> and no <c>crit</c>, a payload of at most
    /// <paramref name="maxPayloadBytes"/> and a 64-byte signature. Does not check the signature;
    /// call <see cref="Verify"/> with the key <see cref="KeyId"/> names.
    /// </summary>
    public static CompactJws Parse(ReadOnlyMemory<byte> serialization, int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        var bytes = serialization.Span;
        var firstDot = bytes.IndexOf((byte)'.');
        var secondDot = firstDot < 0 ? -1 : firstDot + 1 + bytes[(firstDot + 1)..].IndexOf((byte)'.');
        if (firstDot < 0 || secondDot <= firstDot || bytes[(secondDot + 1)..].Contains((byte)'.'))
        {
            throw new JwsException(JwsPart.Serialization, "A compact JWS has exactly three parts separated by dots.");
        }

        var encodedHeader = bytes[..firstDot];
        var encodedPayload = bytes[(firstDot + 1)..secondDot];
        var encodedSignature = bytes[(secondDot + 1)..];
        if (encodedHeader.Length > MaxHeaderBytes * 4 / 3 + 4)
        {
            throw new JwsException(JwsPart.Header, $"The header is longer than {MaxHeaderBytes} bytes.");
        }
        // Checked before decoding so an oversized payload costs nothing.
        if ((long)encodedPayload.Length * 3 / 4 > maxPayloadBytes)
        {
            throw new JwsException(JwsPart.Payload, $"The payload is larger than {maxPayloadBytes} bytes.");
        }

        var header = Decode(encodedHeader, JwsPart.Header);
        var keyId = ReadHeader(header);
        var payload = Decode(encodedPayload, JwsPart.Payload);
        var signature = Decode(encodedSignature, JwsPart.Signature);
        if (signature.Length != SignatureBytes)
        {
            throw new JwsException(JwsPart.Signature, $"An Ed25519 signature has {SignatureBytes} bytes, got {signature.Length}.");
        }
        return new CompactJws(serialization, secondDot, keyId, payload, signature);
    }

    /// <summary>Signs <paramref name="payload"/> with <paramref name="key"/>, naming it <paramref name="keyId"/> in the header.</summary>
    public static string Sign(Key key, string? keyId, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The key is not an Ed25519 key.", nameof(key));
        }
        var header = keyId is null
            ? JsonSerializer.SerializeToUtf8Bytes(new HeaderWithoutKeyId(Algorithm), JwsJsonContext.Default.HeaderWithoutKeyId)
            : JsonSerializer.SerializeToUtf8Bytes(new HeaderWithKeyId(Algorithm, keyId), JwsJsonContext.Default.HeaderWithKeyId);
        var signingInput = $"{StrictBase64.EncodeUrl(header)}.{StrictBase64.EncodeUrl(payload)}";
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{StrictBase64.EncodeUrl(signature)}";
    }

    /// <summary>Checks the signature over <see cref="SigningInput"/> with <paramref name="publicKey"/>.</summary>
    public bool Verify(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return publicKey.Algorithm == SignatureAlgorithm.Ed25519
            && SignatureAlgorithm.Ed25519.Verify(publicKey, SigningInput.Span, Signature.Span);
    }

    private static byte[] Decode(ReadOnlySpan<byte> encoded, JwsPart part)
    {
        if (!StrictBase64.TryDecodeUrl(encoded, out var decoded))
        {
            throw new JwsException(part, $"The {part.ToString().ToLowerInvariant()} is not canonical unpadded base64url.");
        }
        return decoded;
    }

    private static string? ReadHeader(byte[] header)
    {
        string? algorithm = null;
        string? keyId = null;
        // A header has a few members and at most 1 KiB: a list beats a set, made for every statement.
        var seen = new List<string>(2);
        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JwsException(JwsPart.Header, "The header is not a JSON object.");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Every statement's header names these two: the literals spare a string each.
                var name = reader.ValueTextEquals("alg"u8) ? "alg" : reader.ValueTextEquals("kid"u8) ? "kid" : reader.GetString()!;
                if (seen.Contains(name))
                {
                    throw new JwsException(JwsPart.Header, $"The header names '{name}' twice.");
                }
                seen.Add(name);
                reader.Read();
                switch (name)
                {
                    case "alg":
                        algorithm = StringValue(ref reader, name);
                        break;
                    case "kid":
                        keyId = StringValue(ref reader, name);
                        break;
                    case "crit":
                        // Extensions the producer marks critical change how the JWS is processed.
                        throw new JwsException(JwsPart.Header, "Critical header extensions ('crit') are not supported.");
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new JwsException(JwsPart.Header, "The header is not a single JSON object.");
            }
        }
        catch (JsonException e)
        {
            throw new JwsException(JwsPart.Header, $"The header is not valid JSON: {e.Message}");
        }
        if (algorithm != Algorithm)
        {
            throw new JwsException(JwsPart.Header, algorithm is null
                ? "The header has no 'alg'."
                : $"The algorithm '{algorithm}' is not accepted; only '{Algorithm}' is.");
        }
        return keyId;
    }

    private static string StringValue(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JwsException(JwsPart.Header, $"The header's '{name}' is not a string.");
        }
        return reader.GetString()!;
    }
}
