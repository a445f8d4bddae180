using System.Buffers.Text;
using BenchmarkDotNet.Attributes;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Transparency;

[MemoryDiagnoser]
public class JwsVerificationBenchmarks
{
    // Shaped like a provider's disclosure statement (about 400 bytes): what the broker verifies
    // on every statement it receives.
    private const string Statement =
        """
        {"v":1,"type":"disclosure","statementId":"01JQ8Z3K4M7N2P5R8T1V4X7Z0B","provider":"prov_7Hq2mX9kLd","subject":"hdl_3fR8sK1vN6pQ0wY5tZ2uB7cE","recipient":"prov_Kx4Tn8Wb2Qz","categories":["user.contact.email","user.health_and_medical"],"purposes":["essential.service.operations"],"profileVersion":3,"terms":"sha256:9f2c4e1a7b3d5f6e8a0c2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f","issuedAt":"2025-06-01T09:30:00Z"}
        """;

    private PublicKey _publicKey = null!;
    private byte[] _serialization = [];
    private byte[] _signingInput = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        // Only the public key is used while measuring; the private key need not outlive setup.
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        _publicKey = key.PublicKey;
        var jws = CompactJws.Sign(key, "kid-1", System.Text.Encoding.UTF8.GetBytes(Statement));

        // The baseline verifies exactly the bytes the JWS signs, so the difference is parsing alone.
        _serialization = System.Text.Encoding.ASCII.GetBytes(jws);
        var lastDot = Array.LastIndexOf(_serialization, (byte)'.');
        _signingInput = _serialization[..lastDot];
        _signature = Base64Url.DecodeFromUtf8(_serialization.AsSpan(lastDot + 1));

        if (!RawEd25519() || !ParseAndVerify())
        {
            throw new InvalidOperationException("The benchmark's signature does not verify.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool RawEd25519() => SignatureAlgorithm.Ed25519.Verify(_publicKey, _signingInput, _signature);

    [Benchmark]
    public bool ParseAndVerify() => CompactJws.Parse(_serialization).Verify(_publicKey);
}
