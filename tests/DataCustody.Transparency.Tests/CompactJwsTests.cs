using System.Text;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Transparency.Tests;

public sealed class CompactJwsTests : IDisposable
{
    // RFC 8037 appendix A.1 (key) and A.4 (signature).
    private const string Rfc8037Seed = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string Rfc8037PublicKey = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string Rfc8037Jws =
        "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _otherKey = Key.Create(SignatureAlgorithm.Ed25519);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public void The_rfc8037_example_verifies()
    {
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, DecodeUrl(Rfc8037PublicKey), KeyBlobFormat.RawPublicKey);

        var jws = CompactJws.Parse(Rfc8037Jws);

        Assert.True(jws.Verify(publicKey));
        Assert.Null(jws.KeyId);
        Assert.Equal("Example of Ed25519 signing", Encoding.UTF8.GetString(jws.Payload.Span));
    }

    [Fact]
    public void Signing_the_rfc8037_payload_with_its_key_reproduces_its_signature()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, DecodeUrl(Rfc8037Seed), KeyBlobFormat.RawPrivateKey);

        Assert.Equal(Rfc8037Jws, CompactJws.Sign(key, null, "Example of Ed25519 signing"u8));
    }

    [Fact]
    public void A_signed_statement_round_trips_with_its_key_id_and_exact_bytes()
    {
        var payload = """{"id":"s-1","type":"data.collected"}"""u8.ToArray();

        var serialization = CompactJws.Sign(_key, "shop-2026-1", payload);
        var jws = CompactJws.Parse(serialization);

        Assert.Equal("shop-2026-1", jws.KeyId);
        Assert.Equal(payload, jws.Payload.ToArray());
        Assert.Equal(serialization, Encoding.ASCII.GetString(jws.Serialization.Span));
        Assert.True(jws.Verify(_key.PublicKey));
        Assert.False(jws.Verify(_otherKey.PublicKey));
    }

    [Fact]
    public void A_changed_payload_does_not_verify()
    {
        var parts = CompactJws.Sign(_key, "k", "{\"a\":1}"u8).Split('.');
        var tampered = $"{parts[0]}.{StrictBase64.EncodeUrl("{\"a\":2}"u8)}.{parts[2]}";

        Assert.False(CompactJws.Parse(tampered).Verify(_key.PublicKey));
    }

    public static TheoryData<string, string, JwsPart> Rejected
    {
        get
        {
            var payload = StrictBase64.EncodeUrl("{}"u8);
            var signature = StrictBase64.EncodeUrl(new byte[64]);
            string Header(string json) => StrictBase64.EncodeUrl(Encoding.UTF8.GetBytes(json));
            var good = Header("""{"alg":"EdDSA","kid":"k"}""");
            return new()
            {
                { "alg none", $"{Header("""{"alg":"none"}""")}.{payload}.", JwsPart.Header },
                { "alg none with a signature", $"{Header("""{"alg":"none"}""")}.{payload}.{signature}", JwsPart.Header },
                { "alg HS256", $"{Header("""{"alg":"HS256","kid":"k"}""")}.{payload}.{signature}", JwsPart.Header },
                { "alg in lower case", $"{Header("""{"alg":"eddsa"}""")}.{payload}.{signature}", JwsPart.Header },
                { "no alg", $"{Header("""{"kid":"k"}""")}.{payload}.{signature}", JwsPart.Header },
                { "alg not a string", $"{Header("""{"alg":1}""")}.{payload}.{signature}", JwsPart.Header },
                { "alg twice", $"{Header("""{"alg":"HS256","alg":"EdDSA"}""")}.{payload}.{signature}", JwsPart.Header },
                { "crit", $"{Header("""{"alg":"EdDSA","crit":["exp"],"exp":1}""")}.{payload}.{signature}", JwsPart.Header },
                { "b64 false", $"{Header("""{"alg":"EdDSA","b64":false,"crit":["b64"]}""")}.{payload}.{signature}", JwsPart.Header },
                { "kid not a string", $"{Header("""{"alg":"EdDSA","kid":7}""")}.{payload}.{signature}", JwsPart.Header },
                { "header an array", $"{Header("""["alg","EdDSA"]""")}.{payload}.{signature}", JwsPart.Header },
                { "header not JSON", $"{Header("alg=EdDSA")}.{payload}.{signature}", JwsPart.Header },
                { "header with trailing data", $"{Header("""{"alg":"EdDSA"}{}""")}.{payload}.{signature}", JwsPart.Header },
                { "header padded", $"{good}=.{payload}.{signature}", JwsPart.Header },
                { "payload padded", $"{good}.{payload}=.{signature}", JwsPart.Payload },
                { "payload in standard base64", $"{good}.{Convert.ToBase64String("{>?}"u8)}.{signature}", JwsPart.Payload },
                { "payload with whitespace", $"{good}.{payload[..1]} {payload[1..]}.{signature}", JwsPart.Payload },
                { "payload with stray bits", $"{good}.e30.{signature}".Replace(".e30.", ".e31.", StringComparison.Ordinal), JwsPart.Payload },
                { "payload of impossible length", $"{good}.e30xx.{signature}", JwsPart.Payload },
                { "signature of 63 bytes", $"{good}.{payload}.{StrictBase64.EncodeUrl(new byte[63])}", JwsPart.Signature },
                { "signature of 65 bytes", $"{good}.{payload}.{StrictBase64.EncodeUrl(new byte[65])}", JwsPart.Signature },
                { "two parts", $"{good}.{payload}", JwsPart.Serialization },
                { "four parts", $"{good}.{payload}.{signature}.x", JwsPart.Serialization },
                { "non-ASCII", $"{good}.{payload}.{signature}\u00e9", JwsPart.Serialization },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_malformed_or_unsupported_jws_is_rejected_naming_the_part(string reason, string serialization, JwsPart part)
    {
        var error = Assert.Throws<JwsException>(() => CompactJws.Parse(serialization));

        Assert.Equal(part, error.Part);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), reason);
    }

    [Fact]
    public void A_payload_over_the_default_limit_is_rejected_before_it_is_decoded()
    {
        var large = CompactJws.Sign(_key, "k", new byte[CompactJws.DefaultMaxPayloadBytes + 3]);
        var atLimit = CompactJws.Sign(_key, "k", new byte[CompactJws.DefaultMaxPayloadBytes]);

        Assert.Equal(JwsPart.Payload, Assert.Throws<JwsException>(() => CompactJws.Parse(large)).Part);
        Assert.True(CompactJws.Parse(atLimit).Verify(_key.PublicKey));
    }

    [Fact]
    public void The_payload_limit_is_configurable()
    {
        var serialization = CompactJws.Sign(_key, "k", new byte[100]);

        Assert.Equal(JwsPart.Payload, Assert.Throws<JwsException>(() => CompactJws.Parse(serialization, maxPayloadBytes: 99)).Part);
        Assert.Equal(100, CompactJws.Parse(serialization, maxPayloadBytes: 100).Payload.Length);
    }

    private static byte[] DecodeUrl(string text) =>
        StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(text), out var bytes) ? bytes : throw new FormatException(text);
}
